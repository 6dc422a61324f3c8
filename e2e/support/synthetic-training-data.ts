import { seededRandom } from '../../src/core/seeded-random';
import { l2NormalizeRows } from '../../src/core/training/normalize-features';
import type { TrainingData } from '../../src/core/training/trainer';
import { createMatrix, type LabelMatrix } from '../../src/core/types';

/**
 * A small learnable multi-label problem: each class has a random prototype; an image's features are
 * the sum of its classes' prototypes plus noise (L2-normalised), its initial pseudo labels the truth
 * blurred by noise (some flipped), so a head can learn and a label update has something to correct.
 */
export interface SyntheticTrainingShape {
  readonly train: number;
  readonly val: number;
  readonly dim: number;
  readonly classes: number;
  readonly seed: number;
}

export function syntheticTrainingData(shape: SyntheticTrainingShape): TrainingData {
  const random = seededRandom(shape.seed);
  const prototypes = Float32Array.from({ length: shape.classes * shape.dim }, () => 2 * random() - 1);
  const makeSet = (rows: number) => {
    const truth = new Int8Array(rows * shape.classes);
    const features = new Float32Array(rows * shape.dim);
    const labels = new Float32Array(rows * shape.classes);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < shape.classes; c++) {
        const positive = random() < 0.3;
        truth[r * shape.classes + c] = positive ? 1 : -1;
        if (positive) for (let k = 0; k < shape.dim; k++) features[r * shape.dim + k]! += prototypes[c * shape.dim + k]!;
        // Noisy initial labels: mostly right, sometimes confidently wrong.
        const looksPositive = random() < 0.15 ? !positive : positive;
        labels[r * shape.classes + c] = Math.min(0.98, Math.max(0.02, (looksPositive ? 0.7 : 0.2) + 0.3 * (random() - 0.5)));
      }
      for (let k = 0; k < shape.dim; k++) features[r * shape.dim + k]! += 0.8 * (2 * random() - 1);
    }
    const truthMatrix: LabelMatrix = { rows, cols: shape.classes, data: truth };
    return { features: l2NormalizeRows(createMatrix(rows, shape.dim, features)), labels: createMatrix(rows, shape.classes, labels), truth: truthMatrix };
  };
  const train = makeSet(shape.train);
  const val = makeSet(shape.val);
  return {
    features: train.features,
    initialLabels: train.labels,
    classes: Array.from({ length: shape.classes }, (_, c) => `class${c}`),
    trainTruth: train.truth,
    val: { features: val.features, truth: val.truth },
  };
}
