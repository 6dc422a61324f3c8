import type { DifficultPolicy, LabelMatrix } from '../types';

export interface DatasetSummary {
  readonly images: number;
  readonly classes: number;
  readonly objects: number;
  readonly difficultObjects: number;
  /** Images with more than one positive class under the policy. */
  readonly multiLabelImages: number;
  /** (image, class) pairs whose class occurs only as difficult objects (label 0). */
  readonly difficultOnlyPairs: number;
  /** Classes with no positive image under the policy: they have no AP (spec §3). */
  readonly classesWithoutPositives: readonly string[];
  /** Positive images per class (column order) under the policy. */
  readonly positivesPerClass: readonly number[];
  /** Difficult-only images per class (column order). */
  readonly difficultOnlyPerClass: readonly number[];
}

/** The fields of a loaded dataset a summary needs (a VocDataset has them all). */
export interface SummarizableDataset {
  readonly classes: readonly string[];
  readonly labels: LabelMatrix;
  readonly objects: number;
  readonly difficultObjects: number;
  readonly difficult: DifficultPolicy;
}

/**
 * Counts for a dataset under a difficult policy: 'positive' counts difficult-only pairs (0) as
 * positives, 'ignore' leaves them out. Defaults to the policy the dataset was loaded with.
 */
export function summarizeDataset(
  dataset: SummarizableDataset,
  policy: DifficultPolicy = dataset.difficult,
): DatasetSummary {
  const { rows, cols, data } = dataset.labels;
  const isPositive = (value: number): boolean =>
    value === 1 || (value === 0 && policy === 'positive');
  const positivesPerClass = new Array<number>(cols).fill(0);
  const difficultOnlyPerClass = new Array<number>(cols).fill(0);
  let multiLabelImages = 0;
  for (let row = 0; row < rows; row++) {
    let positives = 0;
    for (let col = 0; col < cols; col++) {
      if (data[row * cols + col] === 0) difficultOnlyPerClass[col]!++;
      if (!isPositive(data[row * cols + col] ?? -1)) continue;
      positives++;
      positivesPerClass[col]!++;
    }
    if (positives > 1) multiLabelImages++;
  }
  return {
    images: rows,
    classes: cols,
    objects: dataset.objects,
    difficultObjects: dataset.difficultObjects,
    multiLabelImages,
    difficultOnlyPairs: difficultOnlyPerClass.reduce((sum, count) => sum + count, 0),
    classesWithoutPositives: dataset.classes.filter((_, col) => positivesPerClass[col] === 0),
    positivesPerClass,
    difficultOnlyPerClass,
  };
}
