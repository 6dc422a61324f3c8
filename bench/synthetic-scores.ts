import { softmaxRows } from '../src/core/cdul/similarity';
import { seededRandom } from '../src/core/seeded-random';
import { createMatrix, type LabelMatrix, type Matrix } from '../src/core/types';

/**
 * VOC-train-sized synthetic data: global and local softmax vectors from random cosines at CLIP's
 * scale 100, and labels with ~1.5 positive classes per image, some difficult-only pairs.
 */
export interface SyntheticScores {
  readonly global: Matrix;
  /** [images, snippets, classes] row-major */
  readonly local: Float32Array;
  readonly labels: LabelMatrix;
  readonly classes: string[];
}

export function syntheticScores(images: number, classes: number, snippets: number, seed = 1): SyntheticScores {
  const random = seededRandom(seed);
  const cosines = (rows: number) =>
    createMatrix(rows, classes, Float32Array.from({ length: rows * classes }, () => 0.15 + 0.15 * random()));
  const labels = new Int8Array(images * classes).map(() => {
    const draw = random();
    return draw < 0.07 ? 1 : draw < 0.075 ? 0 : -1;
  });
  return {
    global: softmaxRows(cosines(images), 100),
    local: softmaxRows(cosines(images * snippets), 100).data,
    labels: { rows: images, cols: classes, data: labels },
    classes: Array.from({ length: classes }, (_, c) => `class${c}`),
  };
}
