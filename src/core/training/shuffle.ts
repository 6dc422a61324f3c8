import { seededRandom } from '../seeded-random';

/**
 * The visiting order of `count` images in `epoch`: Fisher–Yates from a generator seeded by the run's
 * seed and the epoch, so a resumed run shuffles exactly as an uninterrupted one without storing RNG state.
 */
export function epochOrder(count: number, seed: number, epoch: number): Uint32Array {
  const random = seededRandom((seed ^ Math.imul(epoch, 0x9e3779b1)) >>> 0);
  const order = Uint32Array.from({ length: count }, (_, k) => k);
  for (let k = count - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    const swap = order[k]!;
    order[k] = order[j]!;
    order[j] = swap;
  }
  return order;
}
