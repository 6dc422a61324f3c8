/**
 * Small helpers over a seeded `() => number` (src/core/seeded-random). Every random choice of the
 * generator goes through one of these, so the same seed always makes the same dataset.
 */
export type Random = () => number;

/** Uniform in [low, high). */
export const uniform = (random: Random, low: number, high: number): number =>
  low + random() * (high - low);

/** Uniform integer in [low, high] (both ends included). */
export const integerBetween = (random: Random, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

/** Fisher–Yates shuffle into a new array. */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/**
 * A seed for stream `stream` of image `index`: every image gets its own generators, so changing one
 * image's drawing code (or the number of random draws it makes) leaves every other image unchanged.
 */
export function derivedSeed(seed: number, index: number, stream: number): number {
  let h = (seed ^ Math.imul(index, 0x9e3779b1) ^ Math.imul(stream, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}
