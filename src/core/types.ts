/** An image id: a VOC or COCO file stem such as "2008_001310", a NUS-WIDE or plain-folder path without its extension. */
export type ImageId = string & { readonly __brand: 'ImageId' };

export const asImageId = (id: string): ImageId => id as ImageId;

/**
 * A dense matrix packed row-major in a Float32Array: rows are images (or snippets), columns classes.
 * `data[r * cols + c]`. Float32 because that is what CLIP and the caches produce.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;
}

export function createMatrix(rows: number, cols: number, data?: Float32Array): Matrix {
  const packed = data ?? new Float32Array(rows * cols);
  if (packed.length !== rows * cols) {
    throw new RangeError(`matrix data has ${packed.length} values, expected ${rows}×${cols}`);
  }
  return { rows, cols, data: packed };
}

export function matrixRow(matrix: Matrix, row: number): Float32Array {
  return matrix.data.subarray(row * matrix.cols, (row + 1) * matrix.cols);
}

/**
 * Image-level ground truth, packed [images, classes] row-major, in VOC's classification convention:
 * 1 = positive, -1 = negative, 0 = "difficult only" (the class occurs only as difficult objects).
 */
export type LabelValue = 1 | -1 | 0;

export interface LabelMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Int8Array;
}

/** How difficult-only (image, class) pairs take part in evaluation. */
export type DifficultPolicy = 'positive' | 'ignore';
