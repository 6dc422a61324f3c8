/**
 * Stable least-significant-digit radix sort of uint32 keys carrying a uint32 payload (here: the
 * image row). Ranking a column is the hot spot of evaluation — 41 ζ values × 20 classes × 5,717
 * images per sweep — and this is several times faster than the engine's typed-array sort, with no
 * comparator calls and no allocation: four counting passes of one byte each, skipping any byte that
 * is the same for every key (scores in [0, 1] share their top byte). Stability is what makes tied
 * scores keep split order.
 */
export interface RadixBuffers {
  /** Keys in, sorted keys out (first `count` values). */
  readonly keys: Uint32Array;
  /** Payload in, payload in key order out. */
  readonly values: Uint32Array;
  /** Scratch of the same capacity as `keys` and `values`. */
  readonly keysScratch: Uint32Array;
  readonly valuesScratch: Uint32Array;
  /** 4 × 256 counters, one histogram per byte. */
  readonly histogram: Uint32Array;
}

export function createRadixBuffers(capacity: number): RadixBuffers {
  return {
    keys: new Uint32Array(capacity),
    values: new Uint32Array(capacity),
    keysScratch: new Uint32Array(capacity),
    valuesScratch: new Uint32Array(capacity),
    histogram: new Uint32Array(4 * 256),
  };
}

/** Sorts `keys[0..count)` ascending, moving `values` along; equal keys keep their input order. */
export function radixSortByKey(buffers: RadixBuffers, count: number): void {
  const { histogram } = buffers;
  countBytes(buffers.keys, count, histogram);
  // Each pass reads (keys, values) and writes (nextKeys, nextValues), then the pairs swap roles.
  let keys = buffers.keys;
  let values = buffers.values;
  let nextKeys = buffers.keysScratch;
  let nextValues = buffers.valuesScratch;
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * 256;
    const shift = pass * 8;
    if (count === 0 || histogram[base + ((keys[0]! >>> shift) & 0xff)] === count) continue;
    // Counts → start offsets of each bucket.
    for (let bucket = 0, offset = 0; bucket < 256; bucket++) {
      const size = histogram[base + bucket]!;
      histogram[base + bucket] = offset;
      offset += size;
    }
    for (let i = 0; i < count; i++) {
      const key = keys[i]!;
      const bucket = base + ((key >>> shift) & 0xff);
      const slot = histogram[bucket]!;
      histogram[bucket] = slot + 1;
      nextKeys[slot] = key;
      nextValues[slot] = values[i]!;
    }
    const readKeys = keys;
    const readValues = values;
    keys = nextKeys;
    values = nextValues;
    nextKeys = readKeys;
    nextValues = readValues;
  }
  if (keys !== buffers.keys) {
    buffers.keys.set(keys.subarray(0, count));
    buffers.values.set(values.subarray(0, count));
  }
}

/** One pass over the keys filling all four byte histograms. */
function countBytes(keys: Uint32Array, count: number, histogram: Uint32Array): void {
  histogram.fill(0);
  for (let i = 0; i < count; i++) {
    const key = keys[i]!;
    // Written out (no helper call): this loop also runs before the JIT has warmed up.
    const b0 = key & 0xff;
    const b1 = 256 + ((key >>> 8) & 0xff);
    const b2 = 512 + ((key >>> 16) & 0xff);
    const b3 = 768 + (key >>> 24);
    histogram[b0] = histogram[b0]! + 1;
    histogram[b1] = histogram[b1]! + 1;
    histogram[b2] = histogram[b2]! + 1;
    histogram[b3] = histogram[b3]! + 1;
  }
}
