import type { ApConvention } from './ap-convention';
import type { RankedColumn } from './ranked-labels';
import { VOC07_RECALL_LEVELS } from './voc07-recall-levels';

/**
 * Rounding in float64 sums can overshoot a perfect score by an ulp (1.0000000000000002); the AP of a
 * ranking can never exceed 1, so report 1.
 */
const atMostOne = (ap: number): number => (ap > 1 ? 1 : ap);

/**
 * Per-class average precision of a ranked column, as a fraction in [0, 1]; `null` when the class
 * has no positive (recall is undefined, so there is no AP). All sums are float64.
 */
export function averagePrecision(ranked: RankedColumn, convention: ApConvention): number | null {
  switch (convention) {
    case 'step':
      return stepAveragePrecision(ranked);
    case 'voc07':
      return voc07AveragePrecision(ranked);
    case 'voc10':
      return voc10AveragePrecision(ranked);
  }
}

/**
 * scikit-learn's `average_precision_score`: the thresholds are the distinct scores (a run of tied
 * scores is one threshold, evaluated after its last image), and AP = Σ_n (R_n − R_{n−1}) P_n with
 * R_0 = 0, R_n = tp/npos, P_n = tp/(tp + fp) — the same divisions sklearn performs. sklearn sums
 * with numpy's pairwise summation, we sum in threshold order: results agree to a few ulp.
 */
export function stepAveragePrecision(ranked: RankedColumn): number | null {
  const { length, positives, scores, positive } = ranked;
  if (positives === 0) return null;
  let tp = 0;
  let previousRecall = 0;
  let ap = 0;
  for (let i = 0; i < length; i++) {
    tp += positive[i]!;
    const lastOfThreshold = i + 1 === length || scores[i + 1] !== scores[i];
    if (!lastOfThreshold) continue;
    const recall = tp / positives;
    ap += (recall - previousRecall) * (tp / (i + 1));
    previousRecall = recall;
  }
  return atMostOne(ap);
}

/**
 * VOC devkit precision, image by image in ranked order (no grouping of ties), made monotone from
 * the right: after this, `scratch[i]` = max precision at ranks ≥ i (VOCap.m's backward `max` loop).
 * The devkit also keeps difficult-only images in the ranking (counting as neither tp nor fp); such a
 * point repeats the previous (recall, precision) — or is 0/0 = NaN at the top, which MATLAB's `max`
 * skips — so leaving the image out, as RankedColumn does, changes neither VOC AP.
 */
function fillPrecisionEnvelope(ranked: RankedColumn): Float64Array {
  const { length, positive, scratch } = ranked;
  let tp = 0;
  for (let i = 0; i < length; i++) {
    tp += positive[i]!;
    scratch[i] = tp / (i + 1);
  }
  for (let i = length - 2; i >= 0; i--) {
    if (scratch[i + 1]! > scratch[i]!) scratch[i] = scratch[i + 1]!;
  }
  return scratch;
}

/**
 * VOC2010+ (`VOCap.m`): mrec = [0, rec, 1], mpre = [0, prec, 0], envelope from the right, then
 * Σ (mrec_i − mrec_{i−1}) · mpre_i over the points where recall changes. Recall changes exactly at
 * the positives; the appended (1, 0) point adds nothing because the last positive reaches rec = 1.
 * Summed left to right like MATLAB's `sum`.
 */
export function voc10AveragePrecision(ranked: RankedColumn): number | null {
  const { length, positives, positive } = ranked;
  if (positives === 0) return null;
  const envelope = fillPrecisionEnvelope(ranked);
  let tp = 0;
  let previousRecall = 0;
  let ap = 0;
  for (let i = 0; i < length; i++) {
    if (positive[i] === 0) continue;
    tp++;
    const recall = tp / positives;
    ap += (recall - previousRecall) * envelope[i]!;
    previousRecall = recall;
  }
  return atMostOne(ap);
}

/**
 * VOC2007 (`VOCevalcls.m`): ap = Σ_t max(prec(rec >= t)) / 11 over t in 0:0.1:1, 0 when no point
 * reaches t. Recall never decreases along the ranking, so `rec >= t` is a suffix and its maximum is
 * the envelope at the suffix's first rank. The devkit accumulates `ap = ap + p/11`; we divide the
 * sum once instead (a few ulp apart), so that 11 equal levels give exactly that precision — a perfect
 * ranking exactly 1, not 1.0000000000000002 — and the result stays within [0, 1].
 */
export function voc07AveragePrecision(ranked: RankedColumn): number | null {
  const { length, positives, positive } = ranked;
  if (positives === 0) return null;
  const envelope = fillPrecisionEnvelope(ranked);
  let sum = 0;
  let rank = 0;
  let tp = positive[0] ?? 0;
  for (const level of VOC07_RECALL_LEVELS) {
    while (rank < length && tp / positives < level) {
      rank++;
      tp += positive[rank] ?? 0;
    }
    sum += rank < length ? envelope[rank]! : 0;
  }
  return sum / VOC07_RECALL_LEVELS.length;
}
