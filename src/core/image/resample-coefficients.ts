/**
 * Pillow's resampling weights for BICUBIC, computed exactly as libImaging/Resample.c (Pillow 9.4)
 * does: `precompute_coeffs` (centre, bounds, normalisation, all in double) followed by
 * `normalize_coeffs_8bpc` (rounding to fixed point). Bit-exact output depends on repeating every
 * floating-point step in the same order, so the code below mirrors the C statement by statement.
 */

/** 32 − 8 − 2: 8 bits for the result and 2 spare bits because bicubic weights can overshoot 1. */
export const PRECISION_BITS = 22;

/** Where each output sample of one axis reads its input and with which fixed-point weights. */
export interface AxisCoefficients {
  readonly outSize: number;
  /** Coefficients reserved per output sample (Pillow's ksize); `count[i] <= ksize`. */
  readonly ksize: number;
  /** First input sample used by output sample i (Pillow's bounds[2i]). */
  readonly first: Int32Array;
  /** Number of input samples used by output sample i (Pillow's bounds[2i + 1]). */
  readonly count: Int32Array;
  /** Weights for output sample i at `[i * ksize, i * ksize + count[i])`, scaled by 2^PRECISION_BITS. */
  readonly weights: Int32Array;
}

const BICUBIC_SUPPORT = 2;

/** Keys's cubic convolution kernel with a = −0.5, written in Pillow's evaluation order. */
function bicubic(x: number): number {
  const a = -0.5;
  if (x < 0) x = -x;
  if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
  if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
  return 0;
}

/**
 * Weights for resampling input samples [in0, in1) (of `inSize`) to `outSize` samples. `in0` and
 * `in1` are Pillow's box edges, which the C code receives as single-precision floats.
 */
export function computeBicubicCoefficients(inSize: number, in0: number, in1: number, outSize: number): AxisCoefficients {
  const box0 = Math.fround(in0);
  const box1 = Math.fround(in1);
  // (double)(in1 - in0): the subtraction happens in float, then the quotient in double.
  const scale = Math.fround(box1 - box0) / outSize;
  const filterscale = scale < 1 ? 1 : scale; // antialiasing: widen the kernel when downscaling
  const support = BICUBIC_SUPPORT * filterscale;
  const ksize = Math.ceil(support) * 2 + 1;
  const first = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Int32Array(outSize * ksize);
  const k = new Float64Array(ksize);
  const ss = 1 / filterscale;
  for (let xx = 0; xx < outSize; xx++) {
    const center = box0 + (xx + 0.5) * scale;
    const xmin = Math.max(0, Math.trunc(center - support + 0.5));
    const xmax = Math.min(inSize, Math.trunc(center + support + 0.5)) - xmin;
    let ww = 0;
    for (let x = 0; x < xmax; x++) {
      const w = bicubic((x + xmin - center + 0.5) * ss);
      k[x] = w;
      ww += w;
    }
    for (let x = 0; x < xmax; x++) {
      const w = ww !== 0 ? k[x]! / ww : k[x]!;
      const scaled = w * (1 << PRECISION_BITS);
      // (int)(±0.5 + w * 2^22): round half away from zero by truncation, as the C cast does.
      weights[xx * ksize + x] = w < 0 ? Math.trunc(-0.5 + scaled) : Math.trunc(0.5 + scaled);
    }
    first[xx] = xmin;
    count[xx] = Math.max(0, xmax);
  }
  return { outSize, ksize, first, count, weights };
}

const MAX_CACHED = 128;
const cache = new Map<string, AxisCoefficients>();

/**
 * The same weights, memoised: a dataset has few distinct image sizes, and every crop of one size
 * reuses its tables. The cache is small and simply starts over when full.
 */
export function bicubicCoefficients(inSize: number, in0: number, in1: number, outSize: number): AxisCoefficients {
  const key = `${inSize} ${in0} ${in1} ${outSize}`;
  let coefficients = cache.get(key);
  if (!coefficients) {
    if (cache.size >= MAX_CACHED) cache.clear();
    coefficients = computeBicubicCoefficients(inSize, in0, in1, outSize);
    cache.set(key, coefficients);
  }
  return coefficients;
}
