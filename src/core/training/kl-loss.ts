import { clampProbability, sigmoid } from '../cdul/alignment-reference';

/** Binary KL of a mini-batch in the logits: the figure and the gradient that starts the backward pass. */
export interface KlBatch {
  /** Sum (not mean) of the per-label KL, in float64, so an epoch can average over all its labels. */
  readonly lossSum: number;
  /** ∂L/∂s of the batch mean: (σ(s) − y) / count (spec §2). */
  readonly gradient: Float32Array;
}

export function klBatch(logits: Float32Array, labels: Float32Array): KlBatch {
  if (logits.length !== labels.length) throw new RangeError(`logits have ${logits.length} values but labels ${labels.length}`);
  const count = logits.length;
  const gradient = new Float32Array(count);
  let lossSum = 0;
  for (let k = 0; k < count; k++) {
    const p = sigmoid(logits[k]!);
    const yc = clampProbability(labels[k]!);
    const pc = clampProbability(p);
    lossSum += yc * Math.log(yc / pc) + (1 - yc) * Math.log((1 - yc) / (1 - pc));
    gradient[k] = (p - labels[k]!) / count;
  }
  return { lossSum, gradient };
}
