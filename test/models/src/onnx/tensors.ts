import type { TensorMessage } from './graph-builder.ts';
import { DataType } from './onnx-proto.ts';

function bytes(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/**
 * Makers of ONNX tensors (initializers and attribute values), stored as raw little-endian
 * bytes, which is what ONNX Runtime reads fastest and what keeps large weights compact.
 */
export const tensors = {
  /** A float32 tensor. */
  float(name: string, dims: number[], data: Float32Array | number[]): TensorMessage {
    const view = data instanceof Float32Array ? data : Float32Array.from(data);
    return { name, dims, dataType: DataType.FLOAT, rawData: bytes(view) };
  },
  /** An int64 tensor. */
  int64(name: string, dims: number[], data: BigInt64Array | number[]): TensorMessage {
    const view = data instanceof BigInt64Array ? data : BigInt64Array.from(data, (v) => BigInt(v));
    return { name, dims, dataType: DataType.INT64, rawData: bytes(view) };
  },
  /** A signed int8 tensor. */
  int8(name: string, dims: number[], data: Int8Array): TensorMessage {
    return { name, dims, dataType: DataType.INT8, rawData: bytes(data) };
  },
  /** An unsigned int8 tensor. */
  uint8(name: string, dims: number[], data: Uint8Array): TensorMessage {
    return { name, dims, dataType: DataType.UINT8, rawData: data };
  },
};
