import { PRECISION_BITS, type AxisCoefficients } from './resample-coefficients';

/**
 * Pillow's weights for the outputs [o0, o0 + n) of one axis, laid out for fast loops: every output
 * reads the same number of inputs (`taps`, the most any of them reads), from `start[i]` on, with
 * `weights[i * taps + k]`. An output near an edge that Pillow gives fewer inputs starts earlier
 * (inside the image) with zero weights for the inputs Pillow does not read, so its sum is the same
 * integer. An axis that does not change is one tap of weight 1.0, which reproduces Pillow's skipped
 * pass exactly ((v · 2^22 + 2^21) >> 22 = v).
 */
export interface AxisTaps {
  readonly taps: number;
  readonly start: Int32Array;
  readonly weights: Int32Array;
}

const ONE = 1 << PRECISION_BITS;

/** Downscales read 5 to 8 inputs per output; padded to 8, the loops unroll (~15% faster than a loop over k). */
export const UNROLLED_TAPS = 8;

export function axisTaps(coefficients: AxisCoefficients | null, inSize: number, o0: number, n: number): AxisTaps {
  const start = new Int32Array(n);
  if (coefficients === null) {
    for (let i = 0; i < n; i++) start[i] = o0 + i;
    return { taps: 1, start, weights: new Int32Array(n).fill(ONE) };
  }
  const { first, count, ksize } = coefficients;
  let taps = 1;
  for (let o = o0; o < o0 + n; o++) taps = Math.max(taps, count[o]!);
  if (taps > 4 && taps < UNROLLED_TAPS && inSize >= UNROLLED_TAPS) taps = UNROLLED_TAPS;
  const weights = new Int32Array(n * taps);
  for (let i = 0; i < n; i++) {
    const o = o0 + i;
    const from = Math.max(0, Math.min(first[o]!, inSize - taps));
    start[i] = from;
    weights.set(coefficients.weights.subarray(o * ksize, o * ksize + count[o]!), i * taps + first[o]! - from);
  }
  return { taps, start, weights };
}

/**
 * The range of `sum >> PRECISION_BITS` over any 8-bit inputs, sum = 2^21 + Σ pixel · weight: the
 * values a pass can produce before clipping (bicubic's negative lobes reach below 0 and above 255).
 */
export function outputRange({ taps, weights }: AxisTaps): { readonly min: number; readonly max: number } {
  let min = 0;
  let max = 0;
  for (let i = 0; i < weights.length; i += taps) {
    let negative = 0;
    let positive = 0;
    for (let k = i; k < i + taps; k++) {
      const w = weights[k]!;
      if (w < 0) negative += w;
      else positive += w;
    }
    min = Math.min(min, Math.floor((ONE / 2 + 255 * negative) / ONE));
    max = Math.max(max, Math.floor((ONE / 2 + 255 * positive) / ONE));
  }
  return { min, max };
}
