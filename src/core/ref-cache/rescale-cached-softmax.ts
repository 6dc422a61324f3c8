import { createMatrix, type Matrix } from '../types';

/**
 * A reference cache's global vector is g = softmax(s · cos) at the reference reproduction's scale
 * s = 1/ln 100 (spec §1), and nothing else of the image. Since ln g_c = s · cos_c − logsumexp(s · cos),
 * ln(g_c) / s is cos_c up to a constant per image, and a softmax ignores such a constant: softmax at any
 * other scale t of ln(g) / s is softmax(t · cos) itself — CLIP's softmax(100 · cos) included — up to the
 * float32 rounding of the stored g (≈ 6e-8 relative, i.e. ≈ 3e-7 in cos at s = 1/ln 100).
 *
 * α and β cannot be rescaled so: each class's max/min comes from a different snippet, each with its own
 * logsumexp, which the cache does not keep.
 *
 * A stored 0 (a score that underflowed float32, s · cos_c − logsumexp < ≈ −103) has ln g = −∞ and stays
 * exactly 0 at every scale. At a larger scale than s that is right to float32 anyway; at a smaller one
 * the true score would be positive but is unknowable: it becomes 0, below every recovered score. At
 * s = 1/ln 100 it cannot happen (s · cos spans at most 2/ln 100 ≈ 0.43, so every g ≥ e^−0.43 / C).
 */
export function rescaleSoftmaxRow(probabilities: ArrayLike<number>, fromScale: number, toScale: number): Float64Array {
  assertScale(fromScale, 'fromScale');
  assertScale(toScale, 'toScale');
  const ratio = toScale / fromScale;
  const out = new Float64Array(probabilities.length);
  let max = -Infinity;
  for (let c = 0; c < out.length; c++) {
    const g = probabilities[c]!;
    if (!(g >= 0 && g < Infinity)) throw new RangeError(`class ${c} holds ${g}, not a probability`);
    out[c] = g === 0 ? -Infinity : ratio * Math.log(g);
    max = Math.max(max, out[c]!);
  }
  if (max === -Infinity) throw new RangeError('every score is 0: no softmax vector to rescale');
  let sum = 0;
  for (let c = 0; c < out.length; c++) {
    out[c] = Math.exp(out[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < out.length; c++) out[c] = out[c]! / sum;
  return out;
}

/**
 * Every row of `probabilities` ([n, C] softmax vectors at `fromScale`) at `toScale`, computed in float64
 * and stored float32 like every score matrix. A row that is no softmax vector is a RangeError naming it
 * (`nameRow`: e.g. by its image id).
 */
export function rescaleSoftmaxRows(
  probabilities: Matrix,
  fromScale: number,
  toScale: number,
  nameRow: (row: number) => string = (row) => `row ${row}`,
): Matrix {
  const out = createMatrix(probabilities.rows, probabilities.cols);
  const { cols } = probabilities;
  for (let r = 0; r < probabilities.rows; r++) {
    let row: Float64Array;
    try {
      row = rescaleSoftmaxRow(probabilities.data.subarray(r * cols, (r + 1) * cols), fromScale, toScale);
    } catch (error) {
      throw error instanceof RangeError ? new RangeError(`${nameRow(r)}: ${error.message}`) : error;
    }
    out.data.set(row, r * cols);
  }
  return out;
}

function assertScale(scale: number, name: string): void {
  if (!(scale > 0 && scale < Infinity)) throw new RangeError(`${name} must be a positive number, got ${scale}`);
}
