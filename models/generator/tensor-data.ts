import { seededRandom } from '../../src/core/seeded-random';
import type { ElementType, Initializer } from './onnx-graph';

/**
 * Weight values and their raw little-endian bytes. Random weights use only the seeded PRNG and exact
 * arithmetic, so every platform and Node version writes the same bytes (the committed models are
 * checked byte for byte): no Math.log/Math.cos, whose last bits V8 does not promise to keep.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes ONNX raw_data wants (little-endian), without a copy on little-endian hosts. */
export function littleEndianBytes(values: Float32Array | Int32Array | BigInt64Array): Uint8Array {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  if (LITTLE_ENDIAN) return bytes;
  const swapped = new Uint8Array(bytes.length);
  const width = values.BYTES_PER_ELEMENT;
  for (let i = 0; i < bytes.length; i += width) {
    for (let k = 0; k < width; k++) swapped[i + k] = bytes[i + width - 1 - k]!;
  }
  return swapped;
}

/**
 * Approximately standard-normal samples: the Irwin–Hall sum of 12 uniforms minus 6 (mean 0,
 * variance 1, bounded at ±6). Sums of k/2³² values are exact in float64, hence bit-reproducible.
 */
export function seededNormal(seed: number): () => number {
  const uniform = seededRandom(seed);
  return () => {
    let sum = -6;
    for (let k = 0; k < 12; k++) sum += uniform();
    return sum;
  };
}

/**
 * FNV-1a of the tensor name mixed with the model seed: each tensor gets its own random stream, so
 * tensors can be generated lazily, in any order, with the same values.
 */
export function tensorSeed(modelSeed: number, name: string): number {
  let hash = (0x811c9dc5 ^ modelSeed) >>> 0;
  for (let i = 0; i < name.length; i++) {
    hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash;
}

export const elementCount = (dims: readonly number[]) => dims.reduce((n, d) => n * d, 1);

/** A lazily generated N(0, std²) float tensor (CLIP initialises its weights this way). */
export function normalTensor(modelSeed: number, name: string, dims: readonly number[], std: number): Initializer {
  return {
    name,
    type: 'float32',
    dims,
    bytes: () => {
      const next = seededNormal(tensorSeed(modelSeed, name));
      const values = new Float32Array(elementCount(dims));
      for (let i = 0; i < values.length; i++) values[i] = std * next();
      return littleEndianBytes(values);
    },
  };
}

export function filledTensor(name: string, dims: readonly number[], value: number): Initializer {
  return floatTensor(name, dims, () => new Float32Array(elementCount(dims)).fill(value));
}

export function floatTensor(name: string, dims: readonly number[], values: () => Float32Array): Initializer {
  return { name, type: 'float32', dims, bytes: () => littleEndianBytes(checkedLength(values(), dims, name)) };
}

/** int64 constants (shapes, axes, indices); `dims` [] makes a scalar. */
export function int64Tensor(name: string, values: readonly number[], dims = [values.length]): Initializer {
  const type: ElementType = 'int64';
  return { name, type, dims, bytes: () => littleEndianBytes(BigInt64Array.from(values, BigInt)) };
}

function checkedLength(values: Float32Array, dims: readonly number[], name: string): Float32Array {
  if (values.length !== elementCount(dims)) {
    throw new Error(`${name}: ${values.length} values for dims [${dims.join(', ')}]`);
  }
  return values;
}
