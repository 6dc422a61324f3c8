import { sigmoid } from '../cdul/alignment-reference';
import { evaluateMeanAp } from '../metrics/mean-ap';
import type { LabelMatrix, Matrix } from '../types';

/** The figures both trainers report, computed on the CPU from what an epoch produced. */

/**
 * mAP (%) with the step convention, difficult objects positive: the lab's default metric. Pass logits
 * (z, or the head's s), not float32 sigmoids: those round to 1 above ~17.3 and tie confident scores.
 */
export function trainingMeanAp(scores: Matrix, truth: LabelMatrix, classes: readonly string[]): number {
  return evaluateMeanAp(scores, truth, { convention: 'step', difficult: 'positive' }, classes).mAP;
}

/** Mean |σ(after) − σ(before)| over every label: how far a label update moved the pseudo labels. */
export function meanLabelChange(latentBefore: Float32Array, latentAfter: Float32Array): number {
  if (latentBefore.length !== latentAfter.length) throw new RangeError(`${latentBefore.length} vs ${latentAfter.length} labels`);
  if (latentAfter.length === 0) return 0;
  let sum = 0;
  for (let k = 0; k < latentAfter.length; k++) sum += Math.abs(sigmoid(latentAfter[k]!) - sigmoid(latentBefore[k]!));
  return sum / latentAfter.length;
}
