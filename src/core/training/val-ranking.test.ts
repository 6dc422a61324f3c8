import { describe, expect, it } from 'vitest';
import { sigmoid } from '../cdul/alignment-reference';
import { createMatrix, type LabelMatrix } from '../types';
import { CpuTrainer } from './cpu-trainer';
import type { TrainerState, TrainingData } from './trainer';
import { trainingMeanAp } from './training-metrics';
import { DEFAULT_TRAINING_SETTINGS } from './training-settings';

/**
 * Issue 14 item 3: val mAP ranks by the head's logits. A linear head with w 1, b 0 on one feature
 * gives val logits 18 (positive) and 17.5 (negative): both σ round to 1 in float32, a tie that halves
 * the AP, while the logits put the positive first (AP 100).
 */
const VAL_LOGITS = [18, 17.5, -3];
const VAL_TRUTH: LabelMatrix = { rows: 3, cols: 1, data: Int8Array.of(1, -1, -1) };

function confidentCase(): { data: TrainingData; state: TrainerState } {
  const data: TrainingData = {
    features: createMatrix(4, 1, Float32Array.of(1, -1, 2, -2)),
    initialLabels: createMatrix(4, 1, Float32Array.of(0.9, 0.1, 0.9, 0.1)),
    classes: ['a'],
    val: { features: createMatrix(3, 1, Float32Array.from(VAL_LOGITS)), truth: VAL_TRUTH },
  };
  const zeros = () => [new Float32Array(1), new Float32Array(1)];
  const state: TrainerState = {
    epoch: 0,
    params: [Float32Array.of(1), Float32Array.of(0)],
    adamM: zeros(),
    adamV: zeros(),
    adamStep: 0,
    latent: Float32Array.of(2, -2, 2, -2),
    selected: null,
    updatesSinceSelected: 0,
  };
  return { data, state };
}

describe('val mAP ranking', () => {
  it('the case is a float32 tie: σ(18) and σ(17.5) both round to 1, and ranking by them gives AP 50', () => {
    const sigmoids = Float32Array.from(VAL_LOGITS, (s) => sigmoid(s));
    expect([sigmoids[0], sigmoids[1]]).toEqual([1, 1]);
    expect(trainingMeanAp(createMatrix(3, 1, sigmoids), VAL_TRUTH, ['a'])).toBeCloseTo(50, 10);
    expect(trainingMeanAp(createMatrix(3, 1, Float32Array.from(VAL_LOGITS)), VAL_TRUTH, ['a'])).toBeCloseTo(100, 10);
  });

  it('the CPU trainer ranks val by logits: AP 100 where float32 sigmoids would tie at 50', () => {
    const { data, state } = confidentCase();
    // lr 1e-12: one Adam step moves w and b by ~1e-12, so the val logits stay 18, 17.5 and −3.
    const settings = { ...DEFAULT_TRAINING_SETTINGS, epochs: 1, warmup: 0, eta: 0, learningRate: 1e-12, batchSize: 4, heldOut: 0 };
    const trainer = new CpuTrainer(data, settings, state);
    const logits = trainer.logits(data.val!.features);
    expect(Array.from(logits)).toEqual(VAL_LOGITS);
    expect(trainer.epoch().valMap).toBeCloseTo(100, 10);
  });
});
