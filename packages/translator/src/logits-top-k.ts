import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import * as ort from 'onnxruntime-node';
import protobuf from 'protobufjs/minimal.js';

/** The outputs the derived decoder adds after `logits`: the k best token ids and their scores. */
export const TOP_K_OUTPUTS = { indices: 'logits_topk', values: 'logits_topk_values' } as const;

/** How many best tokens a step fetches per row: room for the banned and repeated ones. */
export const DEFAULT_TOP_K = 8;

const K_NAME = 'logits_topk_k';
const CAST_NAME = 'logits_topk_float';
// onnx.proto field numbers (ModelProto, GraphProto, NodeProto, ...) and element types.
const MODEL_GRAPH = 7;
const MODEL_OPSET = 8;
const GRAPH_NODE = 1;
const GRAPH_INITIALIZER = 5;
const GRAPH_OUTPUT = 12;
const FLOAT = 1;
const INT64 = 7;
const FLOAT16 = 10;

/**
 * Derives, from the bytes of a decoder's ONNX file, the same model with a `TopK` over the last
 * axis of `logits` (k best token ids, sorted best first, the lower id first among equals as the
 * ONNX spec says), so a greedy step fetches a few numbers a row rather than the vocabulary.
 * float16 logits are cast to float32 first (exactly). The file is edited as protobuf bytes:
 * the graph message gets one more node, initializer and two outputs appended, and every other
 * byte (weights, subgraphs, metadata) is kept as it is. `undefined` when it does not apply: no
 * `logits` output, an element type other than float32/float16, or a default opset below 11.
 */
export function deriveTopK(model: Uint8Array, k: number): Uint8Array | undefined {
  const reader = protobuf.Reader.create(model);
  let graph: { tagStart: number; start: number; end: number } | undefined;
  let opset = 0;
  while (reader.pos < reader.len) {
    const tagStart = reader.pos;
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === MODEL_GRAPH && (tag & 7) === 2) {
      const length = reader.uint32();
      graph = { tagStart, start: reader.pos, end: reader.pos + length };
      reader.skip(length);
    } else if (field === MODEL_OPSET && (tag & 7) === 2) {
      const set = readOpset(reader.bytes());
      if (set.domain === '' || set.domain === 'ai.onnx') opset = Math.max(opset, set.version);
    } else reader.skipType(tag & 7);
  }
  if (!graph || opset < 11) return undefined;
  const logits = logitsType(model.subarray(graph.start, graph.end));
  if (logits !== FLOAT && logits !== FLOAT16) return undefined;
  const extra = protobuf.Writer.create();
  let scores = 'logits';
  if (logits === FLOAT16) {
    scores = CAST_NAME;
    extra.uint32((GRAPH_NODE << 3) | 2).bytes(node('Cast', ['logits'], [CAST_NAME], { to: FLOAT }));
  }
  const topK = node('TopK', [scores, K_NAME], [TOP_K_OUTPUTS.values, TOP_K_OUTPUTS.indices], {
    axis: -1,
    largest: 1,
    sorted: 1,
  });
  extra.uint32((GRAPH_NODE << 3) | 2).bytes(topK);
  const kTensor = protobuf.Writer.create();
  kTensor.uint32((1 << 3) | 0).int64(1); // dims [1]
  kTensor.uint32((2 << 3) | 0).int32(INT64); // data_type
  kTensor
    .uint32((7 << 3) | 2)
    .fork()
    .int64(k)
    .ldelim(); // int64_data
  kTensor.uint32((8 << 3) | 2).string(K_NAME); // name
  extra.uint32((GRAPH_INITIALIZER << 3) | 2).bytes(kTensor.finish());
  extra.uint32((GRAPH_OUTPUT << 3) | 2).bytes(valueInfo(TOP_K_OUTPUTS.indices, INT64));
  extra.uint32((GRAPH_OUTPUT << 3) | 2).bytes(valueInfo(TOP_K_OUTPUTS.values, FLOAT));
  const added = extra.finish();
  const header = protobuf.Writer.create();
  header.uint32((MODEL_GRAPH << 3) | 2).uint32(graph.end - graph.start + added.length);
  return Buffer.concat([
    model.subarray(0, graph.tagStart),
    header.finish(),
    model.subarray(graph.start, graph.end),
    added,
    model.subarray(graph.end),
  ]);
}

function readOpset(bytes: Uint8Array): { domain: string; version: number } {
  const reader = protobuf.Reader.create(bytes);
  let domain = '';
  let version = 0;
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag === ((1 << 3) | 2)) domain = reader.string();
    else if (tag === ((2 << 3) | 0)) version = Number(reader.int64());
    else reader.skipType(tag & 7);
  }
  return { domain, version };
}

/** The element type of the graph output `logits` (0 when absent); fails if the new names exist. */
function logitsType(graph: Uint8Array): number {
  const reader = protobuf.Reader.create(graph);
  let type = 0;
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag !== ((GRAPH_OUTPUT << 3) | 2)) {
      reader.skipType(tag & 7);
      continue;
    }
    const info = protobuf.Reader.create(reader.bytes());
    let name = '';
    let elem = 0;
    while (info.pos < info.len) {
      const t = info.uint32();
      if (t === ((1 << 3) | 2)) name = info.string();
      else if (t === ((2 << 3) | 2)) elem = tensorElemType(info.bytes());
      else info.skipType(t & 7);
    }
    if (name === TOP_K_OUTPUTS.indices || name === TOP_K_OUTPUTS.values) return 0;
    if (name === 'logits') type = elem;
  }
  return type;
}

function tensorElemType(typeProto: Uint8Array): number {
  const reader = protobuf.Reader.create(typeProto);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag !== ((1 << 3) | 2)) {
      reader.skipType(tag & 7);
      continue;
    }
    const tensor = protobuf.Reader.create(reader.bytes());
    while (tensor.pos < tensor.len) {
      const t = tensor.uint32();
      if (t === ((1 << 3) | 0)) return tensor.int32();
      tensor.skipType(t & 7);
    }
  }
  return 0;
}

function node(
  op: string,
  inputs: readonly string[],
  outputs: readonly string[],
  ints: Record<string, number>,
): Uint8Array {
  const w = protobuf.Writer.create();
  for (const name of inputs) w.uint32((1 << 3) | 2).string(name);
  for (const name of outputs) w.uint32((2 << 3) | 2).string(name);
  w.uint32((3 << 3) | 2).string(`${outputs[0]}_node`);
  w.uint32((4 << 3) | 2).string(op);
  for (const [name, value] of Object.entries(ints)) {
    const a = protobuf.Writer.create();
    a.uint32((1 << 3) | 2).string(name);
    a.uint32((3 << 3) | 0).int64(value);
    a.uint32((20 << 3) | 0).int32(2); // AttributeType INT
    w.uint32((5 << 3) | 2).bytes(a.finish());
  }
  return w.finish();
}

function valueInfo(name: string, elemType: number): Uint8Array {
  const tensor = protobuf.Writer.create();
  tensor.uint32((1 << 3) | 0).int32(elemType);
  const type = protobuf.Writer.create();
  type.uint32((1 << 3) | 2).bytes(tensor.finish());
  const w = protobuf.Writer.create();
  w.uint32((1 << 3) | 2).string(name);
  w.uint32((2 << 3) | 2).bytes(type.finish());
  return w.finish();
}

/**
 * The derived decoder of `source` (see {@link deriveTopK}), from its cache beside the source
 * (`.<name>.topk<k>-<size>-<mtime>.onnx`, written atomically, older keys removed) or derived
 * now; in memory when the directory is not writable. `undefined` when it does not apply.
 */
export async function topKDecoderSession(
  source: string,
  k: number,
  options: ort.InferenceSession.SessionOptions,
): Promise<ort.InferenceSession | undefined> {
  const info = await stat(source);
  const dir = dirname(source);
  const stem = `.${basename(source, '.onnx')}.topk`;
  const cached = join(dir, `${stem}${k}-${info.size}-${Math.trunc(info.mtimeMs)}.onnx`);
  const present = await stat(cached).then(
    () => true,
    () => false,
  );
  if (present) return ort.InferenceSession.create(cached, options);
  const derived = deriveTopK(await readFile(source), k);
  if (!derived) return undefined;
  const temporary = `${cached}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, derived);
    await rename(temporary, cached);
  } catch {
    // A read-only models directory: the derived graph lives in memory only.
    await rm(temporary, { force: true });
    return ort.InferenceSession.create(derived, options);
  }
  for (const name of await readdir(dir)) {
    if (name.startsWith(stem) && name.endsWith('.onnx') && join(dir, name) !== cached)
      await rm(join(dir, name), { force: true });
  }
  return ort.InferenceSession.create(cached, options);
}

/**
 * Swaps a loaded Transformers.js model's merged decoder session for the derived one (same
 * inputs, `logits` and cache outputs, plus {@link TOP_K_OUTPUTS}) and releases the old one.
 * Returns whether it did; on any failure the model keeps its own session.
 */
export async function useTopKDecoder(
  model: { sessions?: Record<string, unknown> },
  source: string,
  options: ort.InferenceSession.SessionOptions,
  k = DEFAULT_TOP_K,
): Promise<boolean> {
  const sessions = model.sessions;
  const old = sessions?.decoder_model_merged as ort.InferenceSession | undefined;
  if (!sessions || !old) return false;
  let derived: ort.InferenceSession | undefined;
  try {
    derived = await topKDecoderSession(source, k, options);
  } catch {
    return false;
  }
  if (!derived) return false;
  sessions.decoder_model_merged = derived;
  await old.release();
  return true;
}
