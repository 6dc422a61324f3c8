export type { ApConvention } from './ap-convention';
export {
  AP_CONVENTIONS,
  AP_CONVENTION_LABELS,
  apConventionLabel,
  isApConvention,
} from './ap-convention';
export type { RankedColumn, RankingWorkspace, RankOptions } from './ranked-labels';
export { createRankingWorkspace, rankClassColumn } from './ranked-labels';
export {
  averagePrecision,
  stepAveragePrecision,
  voc07AveragePrecision,
  voc10AveragePrecision,
} from './average-precision';
export { VOC07_RECALL_LEVELS } from './voc07-recall-levels';
export type { ClassPrCurveOptions, PrCurve } from './pr-curve';
export { classPrCurve, precisionRecallCurve } from './pr-curve';
export type { ClassAp, MeanApOptions, MeanApResult } from './mean-ap';
export { evaluateMeanAp } from './mean-ap';
