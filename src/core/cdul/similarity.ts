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
  const texts = l2NormalizedRows(textEmbeds);
  const d = embeds.cols;
  const classes = textEmbeds.rows;
  const out = createMatrix(embeds.rows, classes);
  // One normalised image row at a time (a VOC-train run has 57,170 rows: 234 MB as one float64 copy).
  const row = new Float64Array(d);
  for (let i = 0; i < embeds.rows; i++) {
    normalizeRowInto(embeds.data, i * d, d, row);
    const o = i * classes;
    let c = 0;
    // Four classes per pass over the row: each image value is loaded once for four products. Every
    // dot product still sums k = 0…d−1 in order, so the results are those of the plain loop, bit for bit.
    for (; c + 4 <= classes; c += 4) {
      const t0 = c * d;
      const t1 = t0 + d;
      const t2 = t1 + d;
      const t3 = t2 + d;
      let dot0 = 0;
      let dot1 = 0;
      let dot2 = 0;
      let dot3 = 0;
      for (let k = 0; k < d; k++) {
        const x = row[k]!;
        dot0 += x * texts[t0 + k]!;
        dot1 += x * texts[t1 + k]!;
        dot2 += x * texts[t2 + k]!;
        dot3 += x * texts[t3 + k]!;
      }
      out.data[o + c] = dot0;
      out.data[o + c + 1] = dot1;
      out.data[o + c + 2] = dot2;
      out.data[o + c + 3] = dot3;
    }
    for (; c < classes; c++) {
      let dot = 0;
      for (let k = 0; k < d; k++) dot += row[k]! * texts[c * d + k]!;
      out.data[o + c] = dot;
    }
  }
  return out;
}

/** Row `start…start+cols` of `data` scaled to unit length into `out` (a zero row stays zero). */
function normalizeRowInto(data: Float32Array, start: number, cols: number, out: Float64Array): void {
  let sumSquares = 0;
  for (let k = 0; k < cols; k++) sumSquares += data[start + k]! ** 2;
  const inverseNorm = sumSquares > 0 ? 1 / Math.sqrt(sumSquares) : 0;
  for (let k = 0; k < cols; k++) out[k] = data[start + k]! * inverseNorm;
}

/** Rows scaled to unit length, as float64 (a zero row stays zero rather than becoming NaN). */
export function l2NormalizedRows(matrix: Matrix): Float64Array {
  const out = new Float64Array(matrix.data.length);
  for (let r = 0; r < matrix.rows; r++) normalizeRowInto(matrix.data, r * matrix.cols, matrix.cols, out.subarray(r * matrix.cols, (r + 1) * matrix.cols));
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
