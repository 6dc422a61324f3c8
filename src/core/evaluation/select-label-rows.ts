import type { LabelMatrix } from '../types';

/** The ground-truth rows of the images that were actually loaded (others were skipped), in that order. */
export function selectLabelRows(labels: LabelMatrix, rows: readonly number[]): LabelMatrix {
  const data = new Int8Array(rows.length * labels.cols);
  rows.forEach((row, index) => {
    if (row < 0 || row >= labels.rows) throw new RangeError(`row ${row} is outside 0..${labels.rows - 1}`);
    data.set(labels.data.subarray(row * labels.cols, (row + 1) * labels.cols), index * labels.cols);
  });
  return { rows: rows.length, cols: labels.cols, data };
}
