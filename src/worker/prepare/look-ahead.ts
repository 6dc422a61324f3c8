/**
 * Results of `start(key)` for `keys`, taken in order, with at most `depth` started ahead of the one
 * the caller is working on. This is what overlaps decoding with inference at bounded memory: a
 * prepared chunk of 8 images at a 3×3 grid is ~48 MB of float32 pixels at 224², so "everything
 * ahead" is not an option on VOC trainval (11,540 images).
 */
export interface LookAhead<T> {
  /** The next result in key order (starting the keys that come into the window), or null at the end. */
  next(): Promise<T> | null;
  /** How many were started and not yet taken (at most depth after a next()). */
  readonly ahead: number;
}

export function createLookAhead<K, T>(keys: readonly K[], start: (key: K) => Promise<T>, depth: number): LookAhead<T> {
  if (!Number.isInteger(depth) || depth < 0) throw new RangeError(`look-ahead depth must be a whole number ≥ 0, got ${depth}`);
  // Only the window is held: a taken result is dropped here, so its memory goes with the caller's use.
  const window = new Map<number, Promise<T>>();
  let started = 0;
  let taken = 0;
  const startUpTo = (end: number) => {
    for (; started < Math.min(end, keys.length); started++) {
      const result = start(keys[started]!);
      // A result the caller never takes (it cancelled, or failed on an earlier one) must not surface
      // as an unhandled rejection; the caller still sees the rejection of every result it does take.
      result.catch(() => undefined);
      window.set(started, result);
    }
  };
  return {
    next() {
      if (taken >= keys.length) return null;
      startUpTo(taken + 1 + depth);
      const result = window.get(taken)!;
      window.delete(taken++);
      return result;
    },
    get ahead() {
      return started - taken;
    },
  };
}
