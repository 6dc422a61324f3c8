import { createMatrix, type Matrix } from '../types';

/**
 * Rows scaled to unit L2 norm: CLIP compares embeddings by cosine, and stored image embeddings are
 * not normalised, so the head sees features on a fixed scale whatever model made them. Zero rows stay zero.
 */
export function l2NormalizeRows(matrix: Matrix): Matrix {
  const { rows, cols, data } = matrix;
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let k = 0; k < cols; k++) sum += data[r * cols + k]! ** 2;
    const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    for (let k = 0; k < cols; k++) out[r * cols + k] = data[r * cols + k]! * scale;
  }
  return createMatrix(rows, cols, out);
}
