import type { ApConvention } from '../metrics/ap-convention';
import { evaluateMeanAp, type MeanApResult } from '../metrics/mean-ap';
import { createRankingWorkspace } from '../metrics/ranked-labels';
import type { DifficultPolicy, LabelMatrix } from '../types';
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
 * The same evaluation at every ζ in `zetas`, reusing one set of buffers: α/β are computed once
 * upstream, so each point is one threshold pass, one λ mix and one mAP.
 */
export function sweepPseudoLabels(
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
