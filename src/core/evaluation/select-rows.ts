import type { PseudoLabelInputs } from './pseudo-labels';

interface Packed<T extends Float32Array | Int8Array> {
  readonly rows: number;
  readonly cols: number;
  readonly data: T;
}

/**
 * The given rows of a packed [rows, cols] matrix, in the order given: e.g. the ground truth of the
 * images that were actually loaded, or the cached rows of the images that belong to the split.
 */
export function selectRows<T extends Float32Array | Int8Array>(matrix: Packed<T>, rows: readonly number[]): Packed<T> {
  const { cols } = matrix;
  const data = new (matrix.data.constructor as new (length: number) => T)(rows.length * cols);
  rows.forEach((row, index) => {
    if (row < 0 || row >= matrix.rows) throw new RangeError(`row ${row} is outside 0..${matrix.rows - 1}`);
    data.set(matrix.data.subarray(row * cols, (row + 1) * cols), index * cols);
  });
  return { rows: rows.length, cols, data };
}

export function selectInputRows(inputs: PseudoLabelInputs, rows: readonly number[]): PseudoLabelInputs {
  return {
    global: selectRows(inputs.global, rows),
    alpha: selectRows(inputs.alpha, rows),
    beta: selectRows(inputs.beta, rows),
  };
}
