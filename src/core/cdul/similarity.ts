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
  // Two normalised image rows at a time (a VOC-train run has 57,170 rows: 234 MB as one float64 copy).
  const first = new Float64Array(d);
  const second = new Float64Array(d);
  let i = 0;
  for (; i + 2 <= embeds.rows; i += 2) {
    normalizeRowInto(embeds.data, i * d, d, first);
    normalizeRowInto(embeds.data, (i + 1) * d, d, second);
    dotRowPair(first, second, texts, classes, out.data, i * classes);
  }
  if (i < embeds.rows) {
    normalizeRowInto(embeds.data, i * d, d, first);
    dotRow(first, texts, classes, out.data, i * classes, 0);
  }
  return out;
}

/**
 * Two image rows against every text row, four classes per pass over the rows: each loaded value serves
 * eight products (COCO-train's 745,047 snippet rows make a prompt change ~34 billion of them). Every
 * dot product still sums k = 0…d−1 in order, so the results are those of the plain loop, bit for bit.
 */
function dotRowPair(first: Float64Array, second: Float64Array, texts: Float64Array, classes: number, out: Float32Array, o: number): void {
  const d = first.length;
  let c = 0;
  for (; c + 4 <= classes; c += 4) {
    const t0 = c * d;
    const t1 = t0 + d;
    const t2 = t1 + d;
    const t3 = t2 + d;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let b3 = 0;
    for (let k = 0; k < d; k++) {
      const x = first[k]!;
      const y = second[k]!;
      const u0 = texts[t0 + k]!;
      const u1 = texts[t1 + k]!;
      const u2 = texts[t2 + k]!;
      const u3 = texts[t3 + k]!;
      a0 += x * u0;
      a1 += x * u1;
      a2 += x * u2;
      a3 += x * u3;
      b0 += y * u0;
      b1 += y * u1;
      b2 += y * u2;
      b3 += y * u3;
    }
    out[o + c] = a0;
    out[o + c + 1] = a1;
    out[o + c + 2] = a2;
    out[o + c + 3] = a3;
    out[o + classes + c] = b0;
    out[o + classes + c + 1] = b1;
    out[o + classes + c + 2] = b2;
    out[o + classes + c + 3] = b3;
  }
  dotRow(first, texts, classes, out, o, c);
  dotRow(second, texts, classes, out, o + classes, c);
}

/** One image row against text rows `from…`, one class at a time (the remainder classes, a last odd row). */
function dotRow(row: Float64Array, texts: Float64Array, classes: number, out: Float32Array, o: number, from: number): void {
  const d = row.length;
  for (let c = from; c < classes; c++) {
    let dot = 0;
    for (let k = 0; k < d; k++) dot += row[k]! * texts[c * d + k]!;
    out[o + c] = dot;
  }
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
