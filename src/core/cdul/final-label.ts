import { createMatrix, type Matrix } from '../types';
import { assertSameShape } from './aggregate';

/**
 * The initial pseudo label Y0 = ½ (S_global + S_ag + λ |S_global − S_ag|) (spec §1).
 * λ = 0 is the plain average (main paper), λ = 1 the element-wise max (supplement); values between
 * blend the two. Computed in float64 per element, stored float32 like every score matrix.
 */
export function finalLabels(global: Matrix, aggregated: Matrix, lambda: number, out?: Matrix): Matrix {
  if (!Number.isFinite(lambda) || lambda < 0 || lambda > 1) {
    throw new RangeError(`λ must be between 0 and 1, got ${lambda}`);
  }
  assertSameShape(global, aggregated, 'global', 'aggregate');
  const result = out ?? createMatrix(global.rows, global.cols);
  assertSameShape(global, result, 'global', 'output');
  for (let k = 0; k < global.data.length; k++) {
    const g = global.data[k]!;
    const a = aggregated.data[k]!;
    result.data[k] = 0.5 * (g + a + lambda * Math.abs(g - a));
  }
  return result;
}
