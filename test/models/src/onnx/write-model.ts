import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { GraphMessage } from './graph-builder.ts';
import { ModelProto } from './onnx-proto.ts';

/** The default opset of the generated models (17 has `LayerNormalization`). */
export const OPSET = 17;

/**
 * Encodes a graph as an ONNX model (IR version 8, default opset plus `com.microsoft`), ready for
 * `InferenceSession.create(bytes)` or a file.
 *
 * @example
 * const session = await ort.InferenceSession.create(encodeModel(builder.build('main')));
 */
export function encodeModel(graph: GraphMessage): Uint8Array {
  const model = {
    irVersion: 8,
    opsetImport: [
      { domain: '', version: OPSET },
      { domain: 'com.microsoft', version: 1 },
    ],
    producerName: '@tidings/test-models',
    producerVersion: '1',
    graph,
  };
  return ModelProto.encode(model).finish();
}

/**
 * Encodes a graph as an ONNX model ({@link encodeModel}) and writes it to `path`, creating the
 * directory. Returns the number of bytes written.
 */
export async function writeModel(path: string, graph: GraphMessage): Promise<number> {
  const buffer = encodeModel(graph);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, buffer);
  return buffer.byteLength;
}
