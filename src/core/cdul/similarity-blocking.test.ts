import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { createMatrix, type Matrix } from '../types';
import { cosineSimilarities, l2NormalizedRows } from './similarity';

/** The definition, one dot product at a time: what the four-classes-per-pass loop must equal exactly. */
function plainCosines(embeds: Matrix, texts: Matrix): Float32Array {
  const a = l2NormalizedRows(embeds);
  const t = l2NormalizedRows(texts);
  const d = embeds.cols;
  const out = new Float32Array(embeds.rows * texts.rows);
  for (let i = 0; i < embeds.rows; i++) {
    for (let c = 0; c < texts.rows; c++) {
      let dot = 0;
      for (let k = 0; k < d; k++) dot += a[i * d + k]! * t[c * d + k]!;
      out[i * texts.rows + c] = dot;
    }
  }
  return out;
}

describe('cosineSimilarities (blocked by two rows and four classes)', () => {
  it.each([
    [1, 9],
    [3, 9],
    [4, 8],
    [7, 9],
    [20, 9],
    [5, 1],
  ])('equals the plain loop bit for bit with %i classes and %i rows, a zero row included', (classes, rows) => {
    const random = seededRandom(classes);
    const d = 37;
    const embeds = createMatrix(rows, d, Float32Array.from({ length: rows * d }, (_, k) => (k < d ? 0 : random() - 0.5)));
    const texts = createMatrix(classes, d, Float32Array.from({ length: classes * d }, () => random() - 0.5));
    const blocked = cosineSimilarities(embeds, texts).data;
    const plain = plainCosines(embeds, texts);
    expect(Array.from(blocked).every((value, k) => Object.is(value, plain[k]))).toBe(true);
    expect(Array.from(blocked.subarray(0, classes))).toEqual(new Array(classes).fill(0));
  });
});
