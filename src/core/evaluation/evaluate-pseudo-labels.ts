import { finalLabels } from '../cdul/final-label';
import type { ApConvention } from '../metrics/ap-convention';
import { averagePrecision } from '../metrics/average-precision';
import { columnAp, evaluateMeanAp, meanApResult, type ColumnAp, type MeanApResult } from '../metrics/mean-ap';
import { createRankingWorkspace } from '../metrics/ranked-labels';
import { canSwitchColumns, rankSwitchedColumn, type SwitchedColumns } from '../metrics/switched-column-ranking';
import type { DifficultPolicy, LabelMatrix, Matrix } from '../types';
import {
  computePseudoLabels,
  createPseudoLabelBuffers,
  type PseudoLabelInputs,
  type PseudoLabelSettings,
} from './pseudo-labels';

export interface MetricSettings {
  readonly convention: ApConvention;
  readonly difficult: DifficultPolicy;
}

/** mAP of one pseudo-label setting against the ground truth of the same images. */
export function evaluatePseudoLabels(
  inputs: PseudoLabelInputs,
  labels: LabelMatrix,
  classes: readonly string[],
  settings: PseudoLabelSettings & MetricSettings,
): MeanApResult {
  return evaluateMeanAp(computePseudoLabels(inputs, settings), labels, settings, classes);
}

export interface SweepPoint {
  readonly zeta: number;
  readonly result: MeanApResult;
}

/**
 * The same evaluation at every ζ in `zetas`, equal to sweepPseudoLabelsPointwise bit for bit, sharing
 * the work across points: global labels do not depend on ζ (one evaluation), and aggregate and final
 * labels rank each class from its two candidate scores sorted once (metrics/switched-column-ranking.ts)
 * instead of sorting every point's column. Inputs the plain path would refuse take the plain path.
 */
export function sweepPseudoLabels(
  inputs: PseudoLabelInputs,
  labels: LabelMatrix,
  classes: readonly string[],
  settings: Omit<PseudoLabelSettings, 'zeta'> & MetricSettings,
  zetas: readonly number[],
): SweepPoint[] {
  if (zetas.length === 0) return [];
  if (settings.mode === 'global') {
    const result = evaluatePseudoLabels(inputs, labels, classes, { ...settings, zeta: zetas[0]! });
    return zetas.map((zeta) => ({ zeta, result }));
  }
  const columns = switchedColumns(inputs, labels, settings);
  if (columns === null || classes.length !== labels.cols || new Set(classes).size !== classes.length) {
    return sweepPseudoLabelsPointwise(inputs, labels, classes, settings, zetas);
  }
  const workspace = createRankingWorkspace(labels.rows);
  const thresholds = zetas.map((zeta) => Math.fround(zeta));
  const points: ColumnAp[][] = zetas.map(() => []);
  for (let c = 0; c < labels.cols; c++) {
    const ranking = rankSwitchedColumn(columns, c, settings.difficult, workspace);
    thresholds.forEach((threshold, k) => {
      const ranked = ranking.rankAt(threshold);
      points[k]!.push(columnAp(ranked, averagePrecision(ranked, settings.convention)));
    });
  }
  return zetas.map((zeta, k) => ({ zeta, result: meanApResult(points[k]!, settings, classes, labels.rows) }));
}

/**
 * The candidates of aggregate (α or β, as eq. 6 chooses) or final labels (the final label of α or of
 * β), gated by α; null when the shapes or λ are not what the plain path accepts.
 */
function switchedColumns(inputs: PseudoLabelInputs, labels: LabelMatrix, settings: Omit<PseudoLabelSettings, 'zeta'>): SwitchedColumns | null {
  const { alpha, beta, global } = inputs;
  const shaped = (m: Matrix) => m.rows === labels.rows && m.cols === labels.cols && m.data.length === m.rows * m.cols;
  if (!shaped(alpha) || !shaped(beta) || !shaped(global)) return null;
  const { lambda } = settings;
  if (settings.mode === 'final' && !(Number.isFinite(lambda) && lambda >= 0 && lambda <= 1)) return null;
  const columns =
    settings.mode === 'aggregate'
      ? { above: alpha, below: beta, gate: alpha, labels }
      : { above: finalLabels(global, alpha, lambda), below: finalLabels(global, beta, lambda), gate: alpha, labels };
  return canSwitchColumns(columns) ? columns : null;
}

/** The plain sweep: every ζ evaluated on its own (one threshold pass, one λ mix, one mAP per point). */
export function sweepPseudoLabelsPointwise(
  inputs: PseudoLabelInputs,
  labels: LabelMatrix,
  classes: readonly string[],
  settings: Omit<PseudoLabelSettings, 'zeta'> & MetricSettings,
  zetas: readonly number[],
): SweepPoint[] {
  const buffers = createPseudoLabelBuffers(labels.rows, labels.cols);
  const workspace = createRankingWorkspace(labels.rows);
  return zetas.map((zeta) => {
    const scores = computePseudoLabels(inputs, { ...settings, zeta }, buffers);
    return { zeta, result: evaluateMeanAp(scores, labels, { ...settings, workspace }, classes) };
  });
}
