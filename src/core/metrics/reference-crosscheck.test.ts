import { describe, expect, it } from 'vitest';
import { createMatrix } from '../types';
import type { DifficultPolicy, LabelMatrix, Matrix } from '../types';
import { seededRandom } from '../seeded-random';
import { averagePrecision } from './average-precision';
import { createRankingWorkspace, rankClassColumn } from './ranked-labels';

/** Deterministic PRNG so a failure can be replayed. */
const random = seededRandom;

/** Random [rows, cols] scores from a few values (many ties, ±0) and labels with some difficult-only. */
function randomProblem(next: () => number): { scores: Matrix; labels: LabelMatrix } {
  const rows = 1 + Math.floor(next() * 60);
  const cols = 1 + Math.floor(next() * 4);
  const values = [-0.5, -0.25, -0, 0, 0.125, 0.25, 0.5, 0.75, 1];
  const positiveRate = next();
  const scores = createMatrix(rows, cols);
  const labels: LabelMatrix = { rows, cols, data: new Int8Array(rows * cols) };
  for (let i = 0; i < rows * cols; i++) {
    scores.data[i] = values[Math.floor(next() * values.length)]!;
    const u = next();
    labels.data[i] = u < 0.1 ? 0 : u < 0.1 + positiveRate * 0.5 ? 1 : -1;
  }
  return { scores, labels };
}

function column(matrix: { cols: number; data: ArrayLike<number> }, c: number): number[] {
  const out: number[] = [];
  for (let at = c; at < matrix.data.length; at += matrix.cols) out.push(matrix.data[at]!);
  return out;
}

/**
 * Independent step-wise AP: the mean over positives of the precision at that positive's own score
 * threshold, precision(s) = #{positives with score ≥ s} / #{images with score ≥ s}.
 * Why this equals sklearn's Σ_n (R_n − R_{n−1}) P_n: thresholds are the distinct scores s_n, and
 * R_n − R_{n−1} = k_n / npos where k_n is the number of positives scoring exactly s_n (the tie
 * group); P_n is the precision at s_n, which is also the precision at each of those k_n positives'
 * threshold. So Σ_n k_n P_n / npos = (1/npos) Σ_positives precision(own score). Groups without a
 * positive add ΔR = 0 on one side and nothing on the other.
 */
function bruteForceStep(scores: number[], labels: number[], difficult: DifficultPolicy): number | null {
  const keep = labels.map((label) => label !== 0 || difficult === 'positive');
  const isPositive = labels.map((label) => label !== -1);
  let total = 0;
  let positives = 0;
  scores.forEach((threshold, i) => {
    if (!keep[i] || !isPositive[i]) return;
    positives++;
    let above = 0;
    let positivesAbove = 0;
    scores.forEach((score, j) => {
      if (!keep[j] || score < threshold) return;
      above++;
      if (isPositive[j]) positivesAbove++;
    });
    total += positivesAbove / above;
  });
  return positives === 0 ? null : total / positives;
}

/** MATLAB's max(a, b): NaN is ignored. */
const matlabMax = (a: number, b: number): number =>
  Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b);

/**
 * A literal transcription of VOCevalcls.m + VOCap.m. Difficult-only images stay in the ranking
 * (gt = 0 counts as neither tp nor fp) exactly as in the devkit, so this also checks that the
 * implementation's dropping of those images is equivalent.
 */
function devkitAp(
  scores: number[],
  labels: number[],
  difficult: DifficultPolicy,
  metric: 'voc07' | 'voc10',
): number | null {
  const gt = labels.map((label) => (label === 0 && difficult === 'positive' ? 1 : label));
  const npos = gt.filter((g) => g > 0).length;
  if (npos === 0) return null;
  // [sc, si] = sort(-confidence): MATLAB's sort is stable, so ties stay in split order.
  const si = scores.map((_, i) => i).sort((a, b) => -scores[a]! - -scores[b]! || a - b);
  const rec: number[] = [];
  const prec: number[] = [];
  let tp = 0;
  let fp = 0;
  for (const i of si) {
    if (gt[i]! > 0) tp++;
    if (gt[i]! < 0) fp++;
    rec.push(tp / npos);
    prec.push(tp / (fp + tp)); // 0/0 = NaN for a leading difficult-only image, as in MATLAB
  }
  if (metric === 'voc07') {
    // MATLAB's 0:0.1:1 (all decimal literals except element 4, which is 3*0.1).
    const levels = [0, 0.1, 0.2, 3 * 0.1, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
    let ap = 0;
    for (const t of levels) {
      const candidates = prec.filter((_, k) => rec[k]! >= t);
      const p = candidates.length === 0 ? 0 : candidates.reduce(matlabMax, Number.NaN);
      ap = ap + p / 11;
    }
    return ap;
  }
  const mrec = [0, ...rec, 1];
  const mpre = [0, ...prec, 0];
  for (let i = mpre.length - 2; i >= 0; i--) mpre[i] = matlabMax(mpre[i]!, mpre[i + 1]!);
  let ap = 0;
  for (let i = 1; i < mrec.length; i++) {
    if (mrec[i] !== mrec[i - 1]) ap += (mrec[i]! - mrec[i - 1]!) * mpre[i]!;
  }
  return ap;
}

const expectSameAp = (actual: number | null, expected: number | null, digits: number): void => {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, digits);
};

describe('randomized cross-check against independent implementations', () => {
  const next = random(20230814);
  const problems = Array.from({ length: 400 }, () => randomProblem(next));
  const policies: DifficultPolicy[] = ['positive', 'ignore'];

  it('step matches the mean-precision-at-each-positive brute force (ties, ±0, difficult)', () => {
    const workspace = createRankingWorkspace(64);
    let checked = 0;
    for (const { scores, labels } of problems) {
      for (let c = 0; c < scores.cols; c++) {
        for (const difficult of policies) {
          const ranked = rankClassColumn(scores, labels, c, { difficult, workspace });
          const expected = bruteForceStep(column(scores, c), column(labels, c), difficult);
          expectSameAp(averagePrecision(ranked, 'step'), expected, 12);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('voc07 and voc10 match a literal transcription of the devkit', () => {
    const workspace = createRankingWorkspace(64);
    for (const { scores, labels } of problems) {
      for (let c = 0; c < scores.cols; c++) {
        for (const difficult of policies) {
          const s = column(scores, c);
          const l = column(labels, c);
          const ranked = rankClassColumn(scores, labels, c, { difficult, workspace });
          // voc10 sums in the devkit's order: identical. voc07 divides once instead of eleven
          // times: a few ulp apart.
          expectSameAp(averagePrecision(ranked, 'voc10'), devkitAp(s, l, difficult, 'voc10'), 15);
          expectSameAp(averagePrecision(ranked, 'voc07'), devkitAp(s, l, difficult, 'voc07'), 14);
        }
      }
    }
  });
});
