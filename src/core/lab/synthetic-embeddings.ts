import { seededRandom } from '../seeded-random';
import { createMatrix, type LabelMatrix, type Matrix } from '../types';

export interface SyntheticEmbeddings {
  /** [images, d] */
  readonly global: Matrix;
  /** [images × snippets, d] */
  readonly local: Matrix;
  /** [classes, d] */
  readonly text: Matrix;
  readonly labels: LabelMatrix;
  readonly classes: string[];
}

/**
 * CLIP-like embeddings with a fixed seed: each image is the sum of its classes' text vectors plus
 * noise, each snippet one of them plus noise, so the cosines (and the mAPs) are not those of noise.
 * ~1.5 positive classes per image and a few difficult-only pairs, as in VOC.
 */
export function syntheticEmbeddings(images: number, snippets: number, classes: number, dim: number, seed = 1): SyntheticEmbeddings {
  const random = seededRandom(seed);
  const gaussian = () => random() + random() + random() - 1.5; // zero mean, enough for timing data
  const text = randomText(classes, dim, seed + 1);
  const labels = new Int8Array(images * classes).map(() => {
    const draw = random();
    return draw < 0.07 ? 1 : draw < 0.075 ? 0 : -1;
  });
  const global = createMatrix(images, dim);
  const local = createMatrix(images * snippets, dim);
  for (let i = 0; i < images; i++) {
    const positives = Array.from({ length: classes }, (_, c) => c).filter((c) => labels[i * classes + c] === 1);
    for (let k = 0; k < dim; k++) {
      let sum = gaussian();
      for (const c of positives) sum += text.data[c * dim + k]!;
      global.data[i * dim + k] = sum;
    }
    for (let j = 0; j < snippets; j++) {
      const c = positives.length ? positives[j % positives.length]! : -1;
      const row = (i * snippets + j) * dim;
      for (let k = 0; k < dim; k++) local.data[row + k] = gaussian() + (c >= 0 ? text.data[c * dim + k]! : 0);
    }
  }
  return { global, local, text, labels: { rows: images, cols: classes, data: labels }, classes: Array.from({ length: classes }, (_, c) => `class${c}`) };
}

/** A [classes, dim] matrix of seeded values: the text embeddings of a prompt set. */
export function randomText(classes: number, dim: number, seed: number): Matrix {
  const random = seededRandom(seed);
  return createMatrix(classes, dim, Float32Array.from({ length: classes * dim }, () => 2 * random() - 1));
}

/** CLIP's softmax scale (100), which synthetic runs are evaluated at like a real model's. */
export const CLIP_LOGIT_SCALE_FOR_SYNTHETIC = 100;
