import { LOOKUP_SPAN, LOOKUP_ZERO } from './pixel-lookup';
import { PRECISION_BITS } from './resample-coefficients';
import type { AxisTaps } from './resample-taps';

/**
 * Pillow's two fixed-point passes (Resample.c ImagingResampleHorizontal/Vertical_8bpc) over packed
 * RGB: sum = 2^21 + Σ pixel · weight, then sum >> 22 clipped to 0..255. One function per tap count
 * (4: every upscale, i.e. each snippet; 8: downscales by up to ~2, padded; any other), each small and
 * monomorphic so the JIT keeps the weights in registers (plain consts: destructuring an array here
 * costs V8 ~40%); column-major in the horizontal pass, so each output column loads its weights once
 * for all rows.
 */

// Local copies: some bundlers turn every read of an imported binding into a getter call, which
// costs more than the multiply-add in the loops below.
const SHIFT = PRECISION_BITS;
const HALF = 1 << (SHIFT - 1);
const R = LOOKUP_ZERO;
const G = LOOKUP_SPAN + LOOKUP_ZERO;
const B = 2 * LOOKUP_SPAN + LOOKUP_ZERO;

/** Where a horizontal pass reads (`rows` rows of `data` from byte `offset`, `stride` apart) and writes. */
export interface RowsPass {
  readonly data: Uint8Array;
  readonly offset: number;
  readonly stride: number;
  readonly rows: number;
  /** Packed RGB rows of `taps.start.length` pixels; Uint8ClampedArray stores clip like Pillow's clip8. */
  readonly out: Uint8ClampedArray;
}

/** Where a vertical pass reads (`src`: row 0 = region row `rowFirst`, `width` pixels) and writes (planes [3, rows, width] of `lookup`'s values from `offset`). */
export interface ColumnsPass {
  readonly src: Uint8ClampedArray;
  readonly rowFirst: number;
  readonly width: number;
  readonly lookup: Float32Array;
  readonly out: Float32Array;
  readonly offset: number;
}

export function resampleRows(pass: RowsPass, taps: AxisTaps): void {
  if (taps.taps === 4) rows4(pass, taps);
  else if (taps.taps === 8) rows8(pass, taps);
  else rowsAny(pass, taps);
}

export function resampleColumns(pass: ColumnsPass, taps: AxisTaps): void {
  if (taps.taps === 4) columns4(pass, taps);
  else if (taps.taps === 8) columns8(pass, taps);
  else columnsAny(pass, taps);
}

function rows4({ data, offset, stride, rows, out }: RowsPass, { start, weights }: AxisTaps): void {
  const rowBytes = start.length * 3;
  for (let x = 0, k = 0; x < start.length; x++, k += 4) {
    const w0 = weights[k]!, w1 = weights[k + 1]!, w2 = weights[k + 2]!, w3 = weights[k + 3]!;
    for (let r = 0, p = offset + start[x]! * 3, o = x * 3; r < rows; r++, p += stride, o += rowBytes) {
      out[o] = (HALF + data[p]! * w0 + data[p + 3]! * w1 + data[p + 6]! * w2 + data[p + 9]! * w3) >> SHIFT;
      out[o + 1] = (HALF + data[p + 1]! * w0 + data[p + 4]! * w1 + data[p + 7]! * w2 + data[p + 10]! * w3) >> SHIFT;
      out[o + 2] = (HALF + data[p + 2]! * w0 + data[p + 5]! * w1 + data[p + 8]! * w2 + data[p + 11]! * w3) >> SHIFT;
    }
  }
}

function rows8({ data, offset, stride, rows, out }: RowsPass, { start, weights }: AxisTaps): void {
  const rowBytes = start.length * 3;
  for (let x = 0, k = 0; x < start.length; x++, k += 8) {
    const w0 = weights[k]!, w1 = weights[k + 1]!, w2 = weights[k + 2]!, w3 = weights[k + 3]!;
    const w4 = weights[k + 4]!, w5 = weights[k + 5]!, w6 = weights[k + 6]!, w7 = weights[k + 7]!;
    for (let r = 0, p = offset + start[x]! * 3, o = x * 3; r < rows; r++, p += stride, o += rowBytes) {
      out[o] = (HALF + data[p]! * w0 + data[p + 3]! * w1 + data[p + 6]! * w2 + data[p + 9]! * w3 + data[p + 12]! * w4 + data[p + 15]! * w5 + data[p + 18]! * w6 + data[p + 21]! * w7) >> SHIFT;
      out[o + 1] = (HALF + data[p + 1]! * w0 + data[p + 4]! * w1 + data[p + 7]! * w2 + data[p + 10]! * w3 + data[p + 13]! * w4 + data[p + 16]! * w5 + data[p + 19]! * w6 + data[p + 22]! * w7) >> SHIFT;
      out[o + 2] = (HALF + data[p + 2]! * w0 + data[p + 5]! * w1 + data[p + 8]! * w2 + data[p + 11]! * w3 + data[p + 14]! * w4 + data[p + 17]! * w5 + data[p + 20]! * w6 + data[p + 23]! * w7) >> SHIFT;
    }
  }
}

function rowsAny({ data, offset, stride, rows, out }: RowsPass, { taps, start, weights }: AxisTaps): void {
  const rowBytes = start.length * 3;
  for (let x = 0, k0 = 0; x < start.length; x++, k0 += taps) {
    for (let r = 0, p = offset + start[x]! * 3, o = x * 3; r < rows; r++, p += stride, o += rowBytes) {
      let s0 = HALF;
      let s1 = HALF;
      let s2 = HALF;
      for (let k = k0, q = p; k < k0 + taps; k++, q += 3) {
        const w = weights[k]!;
        s0 += data[q]! * w;
        s1 += data[q + 1]! * w;
        s2 += data[q + 2]! * w;
      }
      out[o] = s0 >> SHIFT;
      out[o + 1] = s1 >> SHIFT;
      out[o + 2] = s2 >> SHIFT;
    }
  }
}

function columns4({ src, rowFirst, width, lookup, out, offset }: ColumnsPass, { start, weights }: AxisTaps): void {
  const r1 = 3 * width; // the next input row, as an offset
  const r2 = 2 * r1, r3 = 3 * r1;
  const plane = width * start.length;
  for (let y = 0, k = 0; y < start.length; y++, k += 4) {
    const w0 = weights[k]!, w1 = weights[k + 1]!, w2 = weights[k + 2]!, w3 = weights[k + 3]!;
    for (let x = 0, p = (start[y]! - rowFirst) * r1, o = offset + y * width; x < width; x++, p += 3, o++) {
      out[o] = lookup[R + ((HALF + src[p]! * w0 + src[p + r1]! * w1 + src[p + r2]! * w2 + src[p + r3]! * w3) >> SHIFT)]!;
      out[o + plane] = lookup[G + ((HALF + src[p + 1]! * w0 + src[p + 1 + r1]! * w1 + src[p + 1 + r2]! * w2 + src[p + 1 + r3]! * w3) >> SHIFT)]!;
      out[o + 2 * plane] = lookup[B + ((HALF + src[p + 2]! * w0 + src[p + 2 + r1]! * w1 + src[p + 2 + r2]! * w2 + src[p + 2 + r3]! * w3) >> SHIFT)]!;
    }
  }
}

function columns8({ src, rowFirst, width, lookup, out, offset }: ColumnsPass, { start, weights }: AxisTaps): void {
  const r1 = 3 * width; // the next input row, as an offset
  const r2 = 2 * r1, r3 = 3 * r1, r4 = 4 * r1, r5 = 5 * r1, r6 = 6 * r1, r7 = 7 * r1;
  const plane = width * start.length;
  for (let y = 0, k = 0; y < start.length; y++, k += 8) {
    const w0 = weights[k]!, w1 = weights[k + 1]!, w2 = weights[k + 2]!, w3 = weights[k + 3]!;
    const w4 = weights[k + 4]!, w5 = weights[k + 5]!, w6 = weights[k + 6]!, w7 = weights[k + 7]!;
    for (let x = 0, p = (start[y]! - rowFirst) * r1, o = offset + y * width; x < width; x++, p += 3, o++) {
      const q = p + 1;
      const u = p + 2;
      out[o] = lookup[R + ((HALF + src[p]! * w0 + src[p + r1]! * w1 + src[p + r2]! * w2 + src[p + r3]! * w3 + src[p + r4]! * w4 + src[p + r5]! * w5 + src[p + r6]! * w6 + src[p + r7]! * w7) >> SHIFT)]!;
      out[o + plane] = lookup[G + ((HALF + src[q]! * w0 + src[q + r1]! * w1 + src[q + r2]! * w2 + src[q + r3]! * w3 + src[q + r4]! * w4 + src[q + r5]! * w5 + src[q + r6]! * w6 + src[q + r7]! * w7) >> SHIFT)]!;
      out[o + 2 * plane] = lookup[B + ((HALF + src[u]! * w0 + src[u + r1]! * w1 + src[u + r2]! * w2 + src[u + r3]! * w3 + src[u + r4]! * w4 + src[u + r5]! * w5 + src[u + r6]! * w6 + src[u + r7]! * w7) >> SHIFT)]!;
    }
  }
}

function columnsAny({ src, rowFirst, width, lookup, out, offset }: ColumnsPass, { taps, start, weights }: AxisTaps): void {
  const rowBytes = 3 * width;
  const plane = width * start.length;
  for (let y = 0, k0 = 0; y < start.length; y++, k0 += taps) {
    for (let x = 0, p = (start[y]! - rowFirst) * rowBytes, o = offset + y * width; x < width; x++, p += 3, o++) {
      let s0 = HALF;
      let s1 = HALF;
      let s2 = HALF;
      for (let k = k0, q = p; k < k0 + taps; k++, q += rowBytes) {
        const w = weights[k]!;
        s0 += src[q]! * w;
        s1 += src[q + 1]! * w;
        s2 += src[q + 2]! * w;
      }
      out[o] = lookup[R + (s0 >> SHIFT)]!;
      out[o + plane] = lookup[G + (s1 >> SHIFT)]!;
      out[o + 2 * plane] = lookup[B + (s2 >> SHIFT)]!;
    }
  }
}
