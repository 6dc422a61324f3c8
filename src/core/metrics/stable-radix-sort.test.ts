import { describe, expect, it } from 'vitest';
import { createRadixBuffers, radixSortByKey } from './stable-radix-sort';

function sortAndRead(keys: readonly number[]): { keys: number[]; values: number[] } {
  const buffers = createRadixBuffers(keys.length + 3); // capacity above count: only a prefix is sorted
  buffers.keys.set(keys);
  keys.forEach((_, i) => (buffers.values[i] = i));
  radixSortByKey(buffers, keys.length);
  return {
    keys: [...buffers.keys.subarray(0, keys.length)],
    values: [...buffers.values.subarray(0, keys.length)],
  };
}

/** Reference: stable sort of indices by key (Array.prototype.sort is stable). */
function reference(keys: readonly number[]): number[] {
  return keys.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
}

describe('radixSortByKey', () => {
  it('sorts full-range keys ascending and keeps equal keys in input order', () => {
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    const pool = Array.from({ length: 40 }, () => next());
    const keys = Array.from({ length: 3000 }, () => pool[next() % pool.length]!);
    keys.push(0, 0xffffffff, 0x80000000, 0x7fffffff);
    const sorted = sortAndRead(keys);
    expect(sorted.values).toEqual(reference(keys));
    expect(sorted.keys).toEqual(reference(keys).map((i) => keys[i]));
  });

  it('skips constant bytes, including an odd number of passes (result copied back)', () => {
    // Only the low byte varies → exactly one pass, which leaves the data in the scratch buffers.
    const keys = [0x12345603, 0x12345601, 0x12345603, 0x12345602, 0x12345601];
    expect(sortAndRead(keys).values).toEqual([1, 4, 3, 0, 2]);
    // All keys equal → no pass at all; input order kept.
    expect(sortAndRead([7, 7, 7]).values).toEqual([0, 1, 2]);
    expect(sortAndRead([]).values).toEqual([]);
  });
});
