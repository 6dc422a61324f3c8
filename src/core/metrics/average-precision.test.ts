import { describe, expect, it } from 'vitest';
import { createMatrix } from '../types';
import type { DifficultPolicy, LabelMatrix, LabelValue } from '../types';
import type { ApConvention } from './ap-convention';
import { averagePrecision } from './average-precision';
import { rankClassColumn } from './ranked-labels';

/** AP (fraction) of a single class given as parallel score / label lists in split order. */
function apOf(
  scores: readonly number[],
  labels: readonly LabelValue[],
  convention: ApConvention,
  difficult: DifficultPolicy = 'positive',
): number | null {
  const matrix = createMatrix(scores.length, 1, Float32Array.from(scores));
  const truth: LabelMatrix = { rows: labels.length, cols: 1, data: Int8Array.from(labels) };
  return averagePrecision(rankClassColumn(matrix, truth, 0, { difficult }), convention);
}

const all = (scores: readonly number[], labels: readonly LabelValue[], difficult?: DifficultPolicy) => ({
  step: apOf(scores, labels, 'step', difficult),
  voc07: apOf(scores, labels, 'voc07', difficult),
  voc10: apOf(scores, labels, 'voc10', difficult),
});

describe('averagePrecision — one example, three conventions', () => {
  // Rows are given out of rank order; ranked by score they read
  //   rank  score  label  tp fp  precision  recall (npos = 4)
  //   1     0.9    +      1  0   1          1/4
  //   2     0.8    −      1  1   1/2        1/4
  //   3     0.7    −      1  2   1/3        1/4
  //   4     0.6    +      2  2   1/2        2/4
  //   5     0.5    +      3  2   3/5        3/4
  //   6     0.4    −      3  3   1/2        3/4
  //   7     0.3    +      4  3   4/7        1
  // step  = ¼·(1 + 1/2 + 3/5 + 4/7)          = 187/280 ≈ 0.667857
  // voc10: envelope at the positives = 1, max(1/2, 3/5, 1/2, 4/7) = 3/5, 3/5, 4/7
  //        = ¼·(1 + 3/5 + 3/5 + 4/7)          = 97/140  ≈ 0.692857
  // voc07: t = 0, .1, .2 → 1 (rank 1 on); t = .3 … .7 → 3/5 (rank 4 on); t = .8, .9, 1 → 4/7
  //        = (3·1 + 5·3/5 + 3·4/7) / 11 = (6 + 12/7)/11 = 54/77 ≈ 0.701299
  const scores = [0.5, 0.9, 0.3, 0.7, 0.8, 0.4, 0.6];
  const labels: LabelValue[] = [1, 1, 1, -1, -1, -1, 1];

  it('gives the hand-derived value for each convention', () => {
    const ap = all(scores, labels);
    expect(ap.step).toBeCloseTo(187 / 280, 12);
    expect(ap.voc10).toBeCloseTo(97 / 140, 12);
    expect(ap.voc07).toBeCloseTo(54 / 77, 12);
  });
});

describe('averagePrecision — tied scores', () => {
  // Scores 0.8, 0.5, 0.5, 0.2 with the 0.5 tie holding one positive and one negative, npos = 2.
  // step: thresholds 0.8 → (R 1/2, P 1), 0.5 → (R 1, P 2/3), 0.2 → ΔR = 0.
  //       AP = ½·1 + ½·⅔ = 5/6, whatever the order inside the tie.
  it('step-wise treats a tie as one threshold, regardless of row order', () => {
    expect(apOf([0.8, 0.5, 0.5, 0.2], [1, 1, -1, -1], 'step')).toBeCloseTo(5 / 6, 12);
    expect(apOf([0.8, 0.5, 0.5, 0.2], [1, -1, 1, -1], 'step')).toBeCloseTo(5 / 6, 12);
  });

  // VOC counts image by image in row order inside the tie.
  // Positive first: ranks + (P 1, R ½), + (P 1, R 1), −, − → envelope 1 everywhere → voc10 = voc07 = 1.
  // Negative first: + (P 1, R ½), − (P ½), + (P ⅔, R 1), − (P ½)
  //   voc10 = ½·1 + ½·⅔ = 5/6
  //   voc07: t ≤ .5 (6 levels) → 1; t = .6 … 1 (5 levels) → max(⅔, ½) = ⅔ → (6 + 10/3)/11 = 28/33
  it('VOC counts tied images one by one in split order', () => {
    const positiveFirst = all([0.8, 0.5, 0.5, 0.2], [1, 1, -1, -1]);
    expect(positiveFirst).toEqual({ step: expect.closeTo(5 / 6, 12), voc07: 1, voc10: 1 });
    const negativeFirst = all([0.8, 0.5, 0.5, 0.2], [1, -1, 1, -1]);
    expect(negativeFirst.voc10).toBeCloseTo(5 / 6, 12);
    expect(negativeFirst.voc07).toBeCloseTo(28 / 33, 12);
  });

  // All four scores equal, labels +, −, −, +.
  // step: one threshold, R 1, P 2/4 → AP = 1/2 (the base rate).
  // VOC:  + (P 1, R ½), − (½), − (⅓), + (P ½, R 1) → voc10 = ½·1 + ½·½ = 3/4,
  //       voc07 = (6·1 + 5·½)/11 = 17/22.
  it('an all-tied column: step gives the base rate, VOC rewards the row order', () => {
    const ap = all([0.5, 0.5, 0.5, 0.5], [1, -1, -1, 1]);
    expect(ap.step).toBeCloseTo(1 / 2, 12);
    expect(ap.voc10).toBeCloseTo(3 / 4, 12);
    expect(ap.voc07).toBeCloseTo(17 / 22, 12);
  });

  it('treats −0 and +0 as one tied score', () => {
    // Tie of {−0: +, +0: −}: step one threshold (R 1, P ½) → ½; VOC (row order): + then − → 1.
    expect(apOf([-0, 0], [1, -1], 'step')).toBeCloseTo(1 / 2, 12);
    expect(apOf([-0, 0], [1, -1], 'voc10')).toBe(1);
    expect(apOf([0, -0], [-1, 1], 'voc10')).toBeCloseTo(1 / 2, 12);
  });
});

describe('averagePrecision — difficult-only images', () => {
  // Scores 0.9, 0.8, 0.7, 0.6 with labels 0 (difficult-only), −, +, −.
  // 'positive': + − + − → step = ½·1 + ½·⅔ = 5/6; voc10 = 5/6 (envelope 1 then ⅔);
  //             voc07 = (6·1 + 5·⅔)/11 = 28/33.
  // 'ignore':   the 0.9 image leaves: − (P 0, R 0), + (P ½, R 1), − (P ⅓)
  //             step = 1·½ = 1/2; voc10 = 1/2; voc07: every level → max precision from rank 2 = ½.
  const scores = [0.9, 0.8, 0.7, 0.6];
  const labels: LabelValue[] = [0, -1, 1, -1];

  it("'positive' counts it as a positive", () => {
    const ap = all(scores, labels, 'positive');
    expect(ap.step).toBeCloseTo(5 / 6, 12);
    expect(ap.voc10).toBeCloseTo(5 / 6, 12);
    expect(ap.voc07).toBeCloseTo(28 / 33, 12);
  });

  it("'ignore' leaves the image out for that class", () => {
    expect(all(scores, labels, 'ignore')).toEqual({ step: 0.5, voc07: 0.5, voc10: 0.5 });
  });

  it("a class whose only 'positives' are difficult has no AP under 'ignore'", () => {
    expect(all([0.4, 0.3], [0, -1], 'ignore')).toEqual({ step: null, voc07: null, voc10: null });
    expect(all([0.4, 0.3], [0, -1], 'positive')).toEqual({ step: 1, voc07: 1, voc10: 1 });
  });
});

describe('averagePrecision — extreme rankings', () => {
  it('returns null for a class without positives', () => {
    expect(all([0.3, 0.2, 0.1], [-1, -1, -1])).toEqual({ step: null, voc07: null, voc10: null });
  });

  it('is 1 for an all-positive class, even with ties', () => {
    expect(all([0.7, 0.2, 0.2, 0.9], [1, 1, 1, 1])).toEqual({ step: 1, voc07: 1, voc10: 1 });
  });

  it('is 1 for a perfect ranking', () => {
    expect(all([0.1, 0.9, 0.2, 0.8, 0.7], [-1, 1, -1, 1, 1])).toEqual({ step: 1, voc07: 1, voc10: 1 });
  });

  // Worst ranking: − − + +. Precision at the positives ⅓ and ½.
  // step  = ½·(⅓ + ½) = 5/12
  // voc10 = ½·max(⅓, ½) + ½·½ = 1/2
  // voc07: every level (t = 0 too: max over all points = ½) → ½ → 1/2
  it('gives the hand-derived values for the worst ranking', () => {
    const ap = all([0.9, 0.8, 0.7, 0.6], [-1, -1, 1, 1]);
    expect(ap.step).toBeCloseTo(5 / 12, 12);
    expect(ap.voc10).toBeCloseTo(1 / 2, 12);
    expect(ap.voc07).toBeCloseTo(1 / 2, 12);
  });
});

describe('averagePrecision — VOC2007 recall level 0.3', () => {
  // npos = 10, ranking + + + − − − + + + + + + + (13 images, descending scores).
  // Precision at the positives: 1, 1, 1, 4/7, 5/8, 6/9, 7/10, 8/11, 9/12, 10/13 (rising after rank 7),
  // so the envelope is 1 up to rank 3 (recall 0.3) and 10/13 from rank 4 on.
  // The devkit's level t₃ is 3·0.1 = 0.30000000000000004 > 3/10, so the recall-0.3 points do not count:
  //   voc07 = (3·1 + 8·10/13)/11 = 119/143 ≈ 0.832168   (with t₃ = 0.3 exactly it would be 122/143)
  //   voc10 = 0.3·1 + 0.7·10/13 = 109/130
  //   step  = (3 + 4/7 + 5/8 + 6/9 + 7/10 + 8/11 + 9/12 + 10/13)/10 ≈ 0.780960
  const labels: LabelValue[] = [1, 1, 1, -1, -1, -1, 1, 1, 1, 1, 1, 1, 1];
  const scores = labels.map((_, i) => 1 - i / 16);

  it('follows the devkit levels exactly', () => {
    const ap = all(scores, labels);
    expect(ap.voc07).toBeCloseTo(119 / 143, 12);
    expect(ap.voc10).toBeCloseTo(109 / 130, 12);
    expect(ap.step).toBeCloseTo((3 + 4 / 7 + 5 / 8 + 6 / 9 + 7 / 10 + 8 / 11 + 9 / 12 + 10 / 13) / 10, 12);
  });
});
