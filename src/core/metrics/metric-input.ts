import type { LabelMatrix, Matrix } from '../types';

/**
 * Checks that scores and labels describe the same [images, classes] grid and that every packed
 * array really holds rows × cols values, so the metric loops can index without bounds checks.
 * Throws RangeError with both shapes in the message.
 */
export function assertSameShape(scores: Matrix, labels: LabelMatrix): void {
  if (scores.data.length !== scores.rows * scores.cols) {
    throw new RangeError(
      `scores hold ${scores.data.length} values, expected ${scores.rows}×${scores.cols}`,
    );
  }
  if (labels.data.length !== labels.rows * labels.cols) {
    throw new RangeError(
      `labels hold ${labels.data.length} values, expected ${labels.rows}×${labels.cols}`,
    );
  }
  if (scores.rows !== labels.rows || scores.cols !== labels.cols) {
    throw new RangeError(
      `scores are ${scores.rows}×${scores.cols} (images×classes) but labels are ` +
        `${labels.rows}×${labels.cols}`,
    );
  }
}

export function assertClassIndex(classIndex: number, cols: number): void {
  if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= cols) {
    throw new RangeError(`class index ${classIndex} is outside 0…${cols - 1}`);
  }
}
