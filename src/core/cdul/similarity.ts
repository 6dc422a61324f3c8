import { createMatrix, type Matrix } from '../types';

/**
 * Cosine similarity of every row of `embeds` [n, d] with every row of `textEmbeds` [C, d] → [n, C].
 * Both sides are normalised here (in float64) so callers may pass raw encoder outputs.
 */
export function cosineSimilarities(embeds: Matrix, textEmbeds: Matrix): Matrix {
  if (embeds.cols !== textEmbeds.cols) {
    throw new RangeError(
      `embedding widths differ: images have ${embeds.cols} dimensions, texts ${textEmbeds.cols}`,
    );
  }
  const images = l2NormalizedRows(embeds);
  const texts = l2NormalizedRows(textEmbeds);
  const d = embeds.cols;
  const out = createMatrix(embeds.rows, textEmbeds.rows);
  for (let i = 0; i < embeds.rows; i++) {
    for (let c = 0; c < textEmbeds.rows; c++) {
      let dot = 0;
      for (let k = 0; k < d; k++) dot += images[i * d + k]! * texts[c * d + k]!;
      out.data[i * textEmbeds.rows + c] = dot;
    }
  }
  return out;
}

/** Rows scaled to unit length, as float64 (a zero row stays zero rather than becoming NaN). */
export function l2NormalizedRows(matrix: Matrix): Float64Array {
  const out = new Float64Array(matrix.data.length);
  for (let r = 0; r < matrix.rows; r++) {
    const start = r * matrix.cols;
    let sumSquares = 0;
    for (let k = 0; k < matrix.cols; k++) sumSquares += matrix.data[start + k]! ** 2;
    const inverseNorm = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
    for (let k = 0; k < matrix.cols; k++) out[start + k] = matrix.data[start + k]! * inverseNorm;
  }
  return out;
}

/**
 * Row-wise softmax(scale · x) in float64 (max-subtracted, so scale 100 cannot overflow), stored float32.
 * `scale` is 1/τ: 100 for the paper, 1/ln 100 for the reference reproduction (see temperature.ts).
 */
export function softmaxRows(logits: Matrix, scale: number): Matrix {
  const out = createMatrix(logits.rows, logits.cols);
  const exps = new Float64Array(logits.cols);
  for (let r = 0; r < logits.rows; r++) {
    const start = r * logits.cols;
    let max = -Infinity;
    for (let c = 0; c < logits.cols; c++) max = Math.max(max, scale * logits.data[start + c]!);
    let sum = 0;
    for (let c = 0; c < logits.cols; c++) {
      exps[c] = Math.exp(scale * logits.data[start + c]! - max);
      sum += exps[c]!;
    }
    for (let c = 0; c < logits.cols; c++) out.data[start + c] = exps[c]! / sum;
  }
  return out;
}
