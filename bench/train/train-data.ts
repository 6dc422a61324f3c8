import { randomText } from '../../src/core/lab/synthetic-embeddings';
import { seededRandom } from '../../src/core/seeded-random';
import { l2NormalizeRows } from '../../src/core/training/normalize-features';
import type { TrainingData } from '../../src/core/training/trainer';
import type { TrainingSettings } from '../../src/core/training/training-settings';
import { createMatrix } from '../../src/core/types';

/** The setting: VOC 2012 train (5,717 images), ViT-B/32-wide features (512), 20 classes. */
export const IMAGES = 5_717;
export const DIM = 512;
export const CLASSES = 20;
export const BATCH = 256;
export const MLP_HIDDEN = 256;

/**
 * Seeded CLIP-like training data: each image the sum of its positive classes' vectors plus noise
 * (~1.5 positives per image, as in VOC), L2-normalised like the trainer's input; initial pseudo labels
 * σ(±3 + noise), strictly inside (0, 1). Only the sizes matter for timing, but ReLU sparsity and
 * label values are then those of plausible data, not of zeros.
 */
export function syntheticTrainingData(seed = 1): TrainingData {
  const random = seededRandom(seed);
  const gaussian = () => random() + random() + random() - 1.5;
  const text = randomText(CLASSES, DIM, seed + 1);
  const features = new Float32Array(IMAGES * DIM);
  const labels = new Float32Array(IMAGES * CLASSES);
  for (let i = 0; i < IMAGES; i++) {
    const positives: number[] = [];
    for (let c = 0; c < CLASSES; c++) if (random() < 0.075) positives.push(c);
    if (positives.length === 0) positives.push(Math.floor(random() * CLASSES));
    for (let k = 0; k < DIM; k++) {
      let sum = gaussian();
      for (const c of positives) sum += text.data[c * DIM + k]!;
      features[i * DIM + k] = sum;
    }
    for (let c = 0; c < CLASSES; c++) {
      const score = (positives.includes(c) ? 3 : -3) + 2 * gaussian();
      labels[i * CLASSES + c] = 1 / (1 + Math.exp(-score));
    }
  }
  return {
    features: l2NormalizeRows(createMatrix(IMAGES, DIM, features)),
    initialLabels: createMatrix(IMAGES, CLASSES, labels),
    classes: Array.from({ length: CLASSES }, (_, c) => `class${c}`),
  };
}

/**
 * The epoch every figure times: pseudo-label update at the end of every epoch from the first
 * (warmup 0, updateEvery 1), σ 0.2, η 1, Adam lr 1e-2, batches of 256. `epochs` only bounds the run.
 */
export function benchSettings(head: 'linear' | 'mlp', epochs: number): TrainingSettings {
  return {
    head,
    hidden: MLP_HIDDEN,
    epochs,
    warmup: 0,
    updateEvery: 1,
    schedule: 'lab',
    heldOut: 0,
    sigma: 0.2,
    eta: 1,
    learningRate: 1e-2,
    batchSize: BATCH,
    seed: 0,
    patience: null,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Progress lines the Node side forwards to stderr (stdout stays the JSON). */
export const note = (text: string): void => console.log(`[train-bench] ${text}`);

/**
 * How many epochs a figure is the median of. One untimed warm-up epoch first (shader compilation,
 * JIT), then timed epochs: at most `maxEpochs`, and another only while the timed ones stay within
 * TIMED_BUDGET_MS. Paths whose warm-up epoch alone takes over SLOW_EPOCH_MS (the MLP on SwiftShader,
 * where an epoch takes 25–120 s on this 2-core machine) are timed by that single epoch, so the whole
 * `train` group stays near three minutes. The MLP runs after the linear head on the same GpuContext or
 * tfjs backend, so most shaders are compiled by then; the first-epoch extra seen on the linear head
 * (3–5 s on SwiftShader) bounds what such a figure may include (≤ ~10%, within the run-to-run noise).
 */
export const SLOW_EPOCH_MS = 20_000;
export const TIMED_BUDGET_MS = 12_000;

export interface EpochTiming {
  /** Median ms of the timed epochs. */
  readonly ms: number;
  readonly timedEpochs: number;
  /** 1, or 0 when the first epoch was slow enough to be the figure itself. */
  readonly warmUpEpochs: number;
  /** Mean loss of epoch 1 (the same seed, weights and shuffle on every path: a check of equal work). */
  readonly firstLoss: number;
}

/** Times epochs as SLOW_EPOCH_MS says; `epoch` returns the epoch's mean loss, which must be on the CPU when it returns. */
export async function timeEpochs(label: string, epoch: () => number | Promise<number>, maxEpochs: number): Promise<EpochTiming> {
  const losses: number[] = [];
  const timed = async (): Promise<number> => {
    const started = performance.now();
    losses.push(await epoch());
    return performance.now() - started;
  };
  const first = await timed();
  const slow = first > SLOW_EPOCH_MS;
  const times = slow ? [first] : [];
  while (!slow && times.length < maxEpochs) {
    const spent = times.reduce((sum, t) => sum + t, 0);
    const expected = times.length ? spent / times.length : first;
    if (times.length > 0 && spent + expected > TIMED_BUDGET_MS) break;
    times.push(await timed());
  }
  const ms = median(times);
  const warmUp = slow ? 'no warm-up (slow first epoch)' : `warm-up ${Math.round(first)} ms`;
  note(`${label}: ${warmUp}; timed ${times.map((t) => Math.round(t)).join(', ')} ms (median ${Math.round(ms)}); losses ${losses.map((l) => l.toFixed(5)).join(', ')}`);
  if (!losses.every(Number.isFinite)) throw new Error(`${label}: a loss is not finite (${losses.join(', ')})`);
  return { ms, timedEpochs: times.length, warmUpEpochs: slow ? 0 : 1, firstLoss: losses[0]! };
}
