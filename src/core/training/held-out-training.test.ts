import { describe, expect, it } from 'vitest';
import { binaryKlLoss, sigmoid } from '../cdul/alignment-reference';
import { seededRandom } from '../seeded-random';
import { createMatrix } from '../types';
import { CpuTrainer } from './cpu-trainer';
import { heldOutSplit } from './held-out';
import type { EpochFigures, TrainingData } from './trainer';
import { DEFAULT_TRAINING_SETTINGS, type TrainingSettings } from './training-settings';

/** 40 images, 4-d features, 2 classes; Y0 a noisy function of the features, no ground truth. */
function unlabelledData(seed = 11): TrainingData {
  const random = seededRandom(seed);
  const rows = 40;
  const features = Float32Array.from({ length: rows * 4 }, () => 2 * random() - 1);
  const labels = Float32Array.from({ length: rows * 2 }, (_, k) => sigmoid(3 * features[Math.floor(k / 2) * 4 + (k % 2)]! + random() - 0.5));
  return { features: createMatrix(rows, 4, features), initialLabels: createMatrix(rows, 2, labels), classes: ['a', 'b'] };
}

const settings = (overrides: Partial<TrainingSettings> = {}): TrainingSettings => ({
  ...DEFAULT_TRAINING_SETTINGS, epochs: 8, warmup: 2, batchSize: 8, learningRate: 0.05, heldOut: 0.25, seed: 2, ...overrides,
});

function runAll(trainer: CpuTrainer): EpochFigures[] {
  const figures: EpochFigures[] = [];
  while (!trainer.done()) figures.push(trainer.epoch());
  return figures;
}

describe('training with a held-out share', () => {
  const data = unlabelledData();
  const { heldOutRows } = heldOutSplit(40, 0.25, 2);

  it('never updates the held-out labels, and the head never sees the held-out images', () => {
    const trainer = new CpuTrainer(data, settings());
    const start = trainer.state().latent;
    runAll(trainer);
    const end = trainer.state().latent;
    for (const row of heldOutRows) expect([end[2 * row], end[2 * row + 1]]).toEqual([start[2 * row], start[2 * row + 1]]);
    // Other features in the held-out rows: the same head, bit for bit.
    const moved = data.features.data.slice();
    for (const row of heldOutRows) moved.fill(7, row * 4, row * 4 + 4);
    const other = new CpuTrainer({ ...data, features: createMatrix(40, 4, moved) }, settings());
    runAll(other);
    expect(other.params()).toEqual(trainer.params());
  });

  it('scores the head on the held-out images against their Y0 (float64 KL), with no ground truth', () => {
    const trainer = new CpuTrainer(data, settings({ epochs: 1 }));
    const [figure] = runAll(trainer);
    const rows = [...heldOutRows];
    const x = createMatrix(rows.length, 4, Float32Array.from(rows.flatMap((row) => [...data.features.data.subarray(row * 4, row * 4 + 4)])));
    const y0 = rows.flatMap((row) => [data.initialLabels.data[2 * row]!, data.initialLabels.data[2 * row + 1]!]);
    const p = Array.from(trainer.logits(x), (s) => sigmoid(s));
    expect(figure!.heldOutLoss).toBeCloseTo(binaryKlLoss(y0, p), 12);
    expect(figure!.pseudoLabelMap).toBeNull();
  });

  it('keeps the epoch of the lowest held-out loss, with that epoch’s head and labels', () => {
    const trainer = new CpuTrainer(data, settings({ epochs: 12, learningRate: 0.3 }));
    const figures = runAll(trainer);
    const losses = figures.map((figure) => figure.heldOutLoss!);
    const best = losses.indexOf(Math.min(...losses)) + 1;
    const kept = trainer.kept()!;
    expect(kept).toMatchObject({ epoch: best, selectedByHeldOut: true });
    const replay = new CpuTrainer(data, settings({ epochs: best, learningRate: 0.3 }));
    runAll(replay);
    expect(kept.params).toEqual(replay.params());
    expect(kept.latent).toEqual(replay.state().latent);
  });

  it('stops after `patience` label updates without a lower held-out loss, and a resumed run is the same run', () => {
    const stopping = settings({ epochs: 40, learningRate: 0.5, eta: 1, sigma: 1, patience: 2 });
    const whole = new CpuTrainer(data, stopping);
    const figures = runAll(whole);
    expect(figures.length).toBeLessThan(40);
    const kept = whole.kept()!.epoch;
    expect(figures.slice(kept).filter((figure) => figure.labelUpdate)).toHaveLength(2);
    const first = new CpuTrainer(data, stopping);
    first.epoch();
    first.epoch();
    first.epoch();
    const resumed = new CpuTrainer(data, stopping, first.state());
    expect([...figures.slice(0, 3), ...runAll(resumed)]).toEqual(figures);
    expect(resumed.kept()).toEqual(whole.kept());
  });

  it('without a held-out share: no held-out figures, the last epoch kept, and patience refused', () => {
    const trainer = new CpuTrainer(data, settings({ heldOut: 0, epochs: 3 }));
    const figures = runAll(trainer);
    expect(figures.map((figure) => figure.heldOutLoss)).toEqual([null, null, null]);
    expect(trainer.kept()).toMatchObject({ epoch: 3, selectedByHeldOut: false });
    expect(() => new CpuTrainer(data, settings({ heldOut: 0, patience: 2 }))).toThrow(/patience needs a held-out share/);
    expect(() => new CpuTrainer(data, settings({ heldOut: 0.6 }))).toThrow(/heldOut must lie in/);
  });
});
