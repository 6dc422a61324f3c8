import { seededRandom } from '../../../core/seeded-random';

/** Seeded float32-representable test data, so the GPU and the float64 reference see the same numbers. */
export function randomFloat32(seed: number, length: number, low = -1, high = 1): Float32Array {
  const next = seededRandom(seed);
  return Float32Array.from({ length }, () => low + (high - low) * next());
}
