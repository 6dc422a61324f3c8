import { describe, expect, it } from 'vitest';
import { latentUpdate, psi, sigmoid } from '../cdul/alignment-reference';
import { seededRandom } from '../seeded-random';
import { createMatrix, type LabelMatrix } from '../types';
import { CpuTrainer } from './cpu-trainer';
import type { EpochFigures, TrainingData } from './trainer';
import { DEFAULT_TRAINING_SETTINGS, type TrainingSettings } from './training-settings';

const CLASSES = ['a', 'b', 'c'];

/**
 * Linearly separable multi-label data: class c is present when feature c is positive. The initial
 * pseudo labels are the truth softened to 0.8/0.2 with every fifth label flipped (noise to repair).
 */
function syntheticData(seed = 5, rows = 60, dims = 6): TrainingData {
  const random = seededRandom(seed);
  const features = Float32Array.from({ length: rows * dims }, () => 2 * random() - 1);
  const truth = new Int8Array(rows * CLASSES.length);
  const labels = new Float32Array(rows * CLASSES.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < CLASSES.length; c++) {
      const positive = features[r * dims + c]! > 0;
      truth[r * CLASSES.length + c] = positive ? 1 : -1;
      const noisy = (r * CLASSES.length + c) % 5 === 0 ? !positive : positive;
      labels[r * CLASSES.length + c] = noisy ? 0.8 : 0.2;
    }
  }
  const trainTruth: LabelMatrix = { rows, cols: CLASSES.length, data: truth };
  return { features: createMatrix(rows, dims, features), initialLabels: createMatrix(rows, CLASSES.length, labels), classes: CLASSES, trainTruth };
}

const settings = (overrides: Partial<TrainingSettings> = {}): TrainingSettings => ({
  ...DEFAULT_TRAINING_SETTINGS,
  epochs: 6,
  warmup: 2,
  batchSize: 16,
  learningRate: 0.05,
  ...overrides,
});

function runAll(trainer: CpuTrainer): EpochFigures[] {
  const figures: EpochFigures[] = [];
  while (!trainer.done()) figures.push(trainer.epoch());
  return figures;
}

describe('CpuTrainer', () => {
  it.each(['linear', 'mlp'] as const)('the %s head’s loss falls on a separable problem', (head) => {
    const figures = runAll(new CpuTrainer(syntheticData(), settings({ head, hidden: 16, epochs: 30, eta: 0 })));
    expect(figures).toHaveLength(30);
    expect(figures[29]!.loss).toBeLessThan(figures[0]!.loss * 0.8);
  });

  it('a warm-up epoch leaves the pseudo labels alone; an update epoch applies the reference latent update', () => {
    const data = syntheticData();
    const trainer = new CpuTrainer(data, settings({ warmup: 1, updateEvery: 1, sigma: 0.3, eta: 1, heldOut: 0 }));
    const initial = trainer.state().latent;
    expect(trainer.epoch().labelUpdate).toBe(false);
    expect(trainer.state().latent).toEqual(initial);
    expect(trainer.epoch().labelUpdate).toBe(true);
    const after = trainer.state().latent;
    // The update uses the predictions of the network after this epoch's θ-steps.
    const predictions = trainer.predict(data.features);
    expect(after).toEqual(Float32Array.from(latentUpdate(initial, predictions, { eta: 1, sigma: 0.3 })));
    expect(after).not.toEqual(initial);
    // One label by hand: z' = z − min(η ψ(y), 1) (z_y − logit(p)) with y = σ(z).
    const z = initial[0]!;
    const p = predictions[0]!;
    const y = sigmoid(z);
    expect(after[0]).toBeCloseTo(z - Math.min(psi(y, 0.3), 1) * (Math.log(y / (1 - y)) - Math.log(p / (1 - p))), 5);
  });

  it('follows the schedule: updates after warm-up, every k-th epoch', () => {
    const figures = runAll(new CpuTrainer(syntheticData(), settings({ epochs: 8, warmup: 2, updateEvery: 3 })));
    expect(figures.map((figure) => figure.labelUpdate)).toEqual([false, false, false, false, true, false, false, true]);
  });

  it('same seed → bit-identical run; another seed → another run', () => {
    const run = (seed: number) => {
      const trainer = new CpuTrainer(syntheticData(), settings({ head: 'mlp', hidden: 8, seed }));
      return { figures: runAll(trainer), state: trainer.state() };
    };
    const first = run(7);
    expect(run(7)).toEqual(first);
    expect(run(8).state.params[0]).not.toEqual(first.state.params[0]);
  });

  it('stop and resume from the state gives exactly the uninterrupted run', () => {
    const data = syntheticData();
    const uninterrupted = new CpuTrainer(data, settings());
    const full = runAll(uninterrupted);
    const first = new CpuTrainer(data, settings());
    const head = [first.epoch(), first.epoch(), first.epoch()];
    const resumed = new CpuTrainer(data, settings(), first.state());
    expect([...head, ...runAll(resumed)]).toEqual(full);
    expect(resumed.state()).toEqual(uninterrupted.state());
  });

  it('reports pseudo-label mAP and val mAP; η 0 leaves the labels and their mAP at Y0', () => {
    const data = syntheticData();
    const val = syntheticData(9, 30);
    const trainer = new CpuTrainer({ ...data, val: { features: val.features, truth: val.trainTruth! } }, settings({ epochs: 4, eta: 0 }));
    const figures = runAll(trainer);
    expect(new Set(figures.map((figure) => figure.pseudoLabelMap))).toEqual(new Set([trainer.pseudoLabelMap()]));
    for (const figure of figures) {
      expect(figure.pseudoLabelMap).toBeGreaterThan(0);
      expect(figure.valMap).toBeGreaterThan(50);
    }
  });

  it('rejects settings and data no run could use', () => {
    expect(() => new CpuTrainer(syntheticData(), settings({ batchSize: 0 }))).toThrow(/batchSize/);
    expect(() => new CpuTrainer(syntheticData(), settings({ sigma: 0 }))).toThrow(/sigma/);
    const data = syntheticData();
    expect(() => new CpuTrainer({ ...data, classes: ['a'] }, settings())).toThrow(/classes/);
  });
});
