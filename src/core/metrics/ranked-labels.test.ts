import { describe, expect, it } from 'vitest';
import { createMatrix } from '../types';
import type { LabelMatrix, LabelValue } from '../types';
import { createRankingWorkspace, rankClassColumn } from './ranked-labels';

function oneClass(scores: readonly number[], labels: readonly LabelValue[]) {
  const matrix = createMatrix(scores.length, 1, Float32Array.from(scores));
  const truth: LabelMatrix = { rows: labels.length, cols: 1, data: Int8Array.from(labels) };
  return { matrix, truth };
}

describe('rankClassColumn', () => {
  it('ranks by descending score, ties in split (row) order', () => {
    const { matrix, truth } = oneClass([0.2, 0.5, 0.2, 0.9, 0.5, -1], [1, -1, -1, 1, 1, -1]);
    const ranked = rankClassColumn(matrix, truth, 0, { difficult: 'positive' });
    expect([...ranked.rows]).toEqual([3, 1, 4, 0, 2, 5]);
    expect([...ranked.scores]).toEqual([0.9, 0.5, 0.5, 0.2, 0.2, -1].map(Math.fround));
    expect([...ranked.positive]).toEqual([1, 0, 1, 1, 0, 0]);
    expect(ranked).toMatchObject({ length: 6, positives: 3, ignored: 0 });
  });

  it("applies the difficult policy: 'positive' counts the image, 'ignore' leaves it out", () => {
    const { matrix, truth } = oneClass([0.9, 0.8, 0.7], [0, -1, 1]);
    const counted = rankClassColumn(matrix, truth, 0, { difficult: 'positive' });
    expect([...counted.rows]).toEqual([0, 1, 2]);
    expect([...counted.positive]).toEqual([1, 0, 1]);
    expect(counted).toMatchObject({ positives: 2, ignored: 0 });
    const ignored = rankClassColumn(matrix, truth, 0, { difficult: 'ignore' });
    expect([...ignored.rows]).toEqual([1, 2]);
    expect([...ignored.positive]).toEqual([0, 1]);
    expect(ignored).toMatchObject({ length: 2, positives: 1, ignored: 1 });
  });

  it('reads one column of a row-major [images, classes] matrix', () => {
    // 3 images × 2 classes; class 1 scores are 0.1, 0.7, 0.4.
    const matrix = createMatrix(3, 2, Float32Array.from([0.9, 0.1, 0.2, 0.7, 0.5, 0.4]));
    const truth: LabelMatrix = { rows: 3, cols: 2, data: Int8Array.from([1, -1, -1, 1, 1, -1]) };
    const ranked = rankClassColumn(matrix, truth, 1, { difficult: 'positive' });
    expect([...ranked.rows]).toEqual([1, 2, 0]);
    expect([...ranked.positive]).toEqual([1, 0, 0]);
  });

  it('orders like a reference stable sort (ties, ±0, ±∞, subnormals, negatives)', () => {
    const values = [Infinity, -Infinity, 0, -0, 1e-40, -1e-40, 0.5, -0.5, 3e38, -3e38, 0.25, 0.2500001];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = () => values[Math.floor(next() * values.length)]!;
    const scores = Array.from({ length: 2000 }, () => Math.fround(pick()));
    const { matrix, truth } = oneClass(scores, scores.map(() => (next() < 0.3 ? 1 : -1)));
    const ranked = rankClassColumn(matrix, truth, 0, { difficult: 'positive' });
    // Reference: Array.prototype.sort (stable since ES2019) on descending score; −0 − 0 = 0 and
    // ∞ − ∞ = NaN both fall through to the row tie-break.
    const expected = scores.map((_, row) => row).sort((a, b) => scores[b]! - scores[a]! || a - b);
    expect([...ranked.rows]).toEqual(expected);
    // Scores and labels come back in rank order from the sort's keys and payloads, −0 as −0.
    expect([...ranked.scores].every((score, i) => Object.is(score, scores[expected[i]!]))).toBe(true);
    expect([...ranked.positive]).toEqual(expected.map((row) => (truth.data[row] === 1 ? 1 : 0)));
  });

  it('reuses a workspace: the previous column’s views are overwritten', () => {
    const workspace = createRankingWorkspace(4);
    const { matrix, truth } = oneClass([0.1, 0.9], [1, -1]);
    const first = rankClassColumn(matrix, truth, 0, { difficult: 'positive', workspace });
    expect(first.rows.buffer).toBe(workspace.radix.values.buffer);
    expect([...first.rows]).toEqual([1, 0]);
    const tooSmall = createRankingWorkspace(1);
    expect(() => rankClassColumn(matrix, truth, 0, { difficult: 'positive', workspace: tooSmall })).toThrow(
      /workspace holds 1 images, need 2/,
    );
  });

  it('rejects NaN scores, bad labels and bad indices with clear messages', () => {
    const nan = oneClass([0.1, Number.NaN], [1, -1]);
    const named = { difficult: 'positive', className: 'dog' } as const;
    expect(() => rankClassColumn(nan.matrix, nan.truth, 0, named)).toThrow(
      new RangeError('score is NaN at image row 1, dog'),
    );
    const bad = oneClass([0.1, 0.2], [1, -1]);
    bad.truth.data[0] = 2;
    expect(() => rankClassColumn(bad.matrix, bad.truth, 0, { difficult: 'ignore' })).toThrow(
      /label 2 at image row 0, class 0 is not 1, -1 or 0/,
    );
    expect(() => rankClassColumn(bad.matrix, bad.truth, 1, { difficult: 'ignore' })).toThrow(RangeError);
  });
});
