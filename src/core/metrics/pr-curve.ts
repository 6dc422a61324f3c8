import type { DifficultPolicy, LabelMatrix, Matrix } from '../types';
import type { ApConvention } from './ap-convention';
import { rankClassColumn } from './ranked-labels';
import type { RankedColumn, RankingWorkspace } from './ranked-labels';

/**
 * Precision–recall points of one class, for charts. Struct of arrays, all of `length`, ordered by
 * descending threshold (so recall never decreases):
 * - step: one point per distinct score (a run of ties is one point, taken after its last image):
 *   the (recall, precision, threshold) triples behind sklearn's step AP — `precision_recall_curve`
 *   lists them in reverse, plus its appended (R = 0, P = 1).
 * - voc07 / voc10: one point per ranked image, as the devkit's `rec`/`prec` vectors (difficult-only
 *   images left out under 'ignore'); `threshold` is that image's score, `row` its split row.
 * A class without positives has no recall; its points report recall 0.
 */
export interface PrCurve {
  readonly convention: ApConvention;
  readonly length: number;
  readonly recall: Float64Array;
  readonly precision: Float64Array;
  readonly threshold: Float32Array;
  /** Split row of the point's image (VOC), or of the last image of the tie run (step). */
  readonly row: Uint32Array;
}

/** Builds the curve from a ranked column (allocates the result; meant for charts, not sweeps). */
export function precisionRecallCurve(ranked: RankedColumn, convention: ApConvention): PrCurve {
  const grouped = convention === 'step';
  const count = grouped ? countThresholds(ranked) : ranked.length;
  const curve: PrCurve = {
    convention,
    length: count,
    recall: new Float64Array(count),
    precision: new Float64Array(count),
    threshold: new Float32Array(count),
    row: new Uint32Array(count),
  };
  const { length, positives, positive, scores, rows } = ranked;
  const denominator = positives === 0 ? 1 : positives;
  let tp = 0;
  let point = 0;
  for (let i = 0; i < length; i++) {
    tp += positive[i]!;
    if (grouped && i + 1 < length && scores[i + 1] === scores[i]) continue;
    curve.recall[point] = tp / denominator;
    curve.precision[point] = tp / (i + 1);
    curve.threshold[point] = scores[i]!;
    curve.row[point] = rows[i]!;
    point++;
  }
  return curve;
}

function countThresholds(ranked: RankedColumn): number {
  const { length, scores } = ranked;
  let count = 0;
  for (let i = 0; i < length; i++) {
    if (i + 1 === length || scores[i + 1] !== scores[i]) count++;
  }
  return count;
}

export interface ClassPrCurveOptions {
  readonly convention: ApConvention;
  readonly difficult: DifficultPolicy;
  readonly workspace?: RankingWorkspace;
}

/** Convenience: rank column `classIndex` of the matrices and build its curve. */
export function classPrCurve(
  scores: Matrix,
  labels: LabelMatrix,
  classIndex: number,
  options: ClassPrCurveOptions,
): PrCurve {
  const ranked = rankClassColumn(scores, labels, classIndex, {
    difficult: options.difficult,
    workspace: options.workspace,
  });
  return precisionRecallCurve(ranked, options.convention);
}
