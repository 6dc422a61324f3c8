/**
 * A few values computed from a key, the most recently used kept: what a run keeps per temperature
 * (α/β and the global softmax: ≈1.4 MB at VOC-train size, 79 MB at COCO-train size), so a slider moved
 * through many temperatures holds only the last few, never every one it passed.
 */
export interface RecentValues<K, V> {
  /** The value for `key`: kept, or computed and kept (the least recently used one dropped past the limit). */
  get(key: K): V;
  /** The keys kept, least recently used first. */
  keys(): K[];
}

export function recentValues<K, V>(limit: number, compute: (key: K) => V): RecentValues<K, V> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`keep at least one value, not ${limit}`);
  // A Map iterates in insertion order: delete + set moves a key to the end (most recent).
  const kept = new Map<K, V>();
  return {
    get(key) {
      let value: V;
      if (kept.has(key)) {
        value = kept.get(key)!;
        kept.delete(key);
      } else {
        value = compute(key);
      }
      kept.set(key, value);
      if (kept.size > limit) kept.delete(kept.keys().next().value!);
      return value;
    },
    keys: () => [...kept.keys()],
  };
}
