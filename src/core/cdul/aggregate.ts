import { createMatrix, type Matrix } from '../types';

/** Per-class max (α) and min (β) over an image's snippets: the aggregator's sufficient statistics. */
export interface SnippetExtremes {
  /** [images, classes]: α_c = max_j S_local_jc */
  readonly alpha: Matrix;
  /** [images, classes]: β_c = min_j S_local_jc */
  readonly beta: Matrix;
}

/**
 * α and β from the local similarity tensor, packed [images, snippets, classes] row-major.
 * Storing only these two matrices is enough to re-aggregate at any ζ (spec §1, eqs. 3–5).
 */
export function snippetExtremes(
  local: Float32Array,
  images: number,
  snippets: number,
  classes: number,
): SnippetExtremes {
  if (local.length !== images * snippets * classes) {
    throw new RangeError(
      `local similarities have ${local.length} values, expected ${images}×${snippets}×${classes}`,
    );
  }
  const alpha = createMatrix(images, classes);
  const beta = createMatrix(images, classes);
  for (let i = 0; i < images; i++) {
    for (let c = 0; c < classes; c++) {
      let max = -Infinity;
      let min = Infinity;
      for (let j = 0; j < snippets; j++) {
        const value = local[(i * snippets + j) * classes + c]!;
        if (value > max) max = value;
        if (value < min) min = value;
      }
      alpha.data[i * classes + c] = max;
      beta.data[i * classes + c] = min;
    }
  }
  return { alpha, beta };
}

/**
 * The aggregator (eq. 6): S_ag_c = α_c if α_c ≥ ζ, else β_c — keep a confident snippet's best score,
 * otherwise suppress the class with the worst one. ζ is compared in float32, as the reference
 * reproduction's PyTorch comparison of a float32 tensor with a Python scalar does.
 * `out` may be passed to reuse a buffer in sweeps.
 */
export function aggregate(extremes: SnippetExtremes, zeta: number, out?: Matrix): Matrix {
  const { alpha, beta } = extremes;
  assertSameShape(alpha, beta, 'alpha', 'beta');
  const result = out ?? createMatrix(alpha.rows, alpha.cols);
  assertSameShape(alpha, result, 'alpha', 'output');
  const threshold = Math.fround(zeta);
  for (let k = 0; k < alpha.data.length; k++) {
    const a = alpha.data[k]!;
    result.data[k] = a >= threshold ? a : beta.data[k]!;
  }
  return result;
}

export function assertSameShape(a: Matrix, b: Matrix, nameA: string, nameB: string): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new RangeError(`${nameA} is ${a.rows}×${a.cols} but ${nameB} is ${b.rows}×${b.cols}`);
  }
}
