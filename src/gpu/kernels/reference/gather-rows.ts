/**
 * Float64 reference of the mini-batch gather (src/gpu/kernels/gather-rows.ts), the ground truth of
 * e2e/gpu-kernels.spec.ts: out[b, j] = source[order[offset + b], j], row-major. A gather copies values,
 * so the GPU must match it exactly. Lengths and indices are checked.
 */
export interface GatherShape {
  /** Rows to gather. */
  readonly rows: number;
  readonly cols: number;
  /** First entry of `order` to use. */
  readonly offset: number;
}

export function gatherRows(source: ArrayLike<number>, order: ArrayLike<number>, shape: GatherShape): Float64Array {
  const { rows, cols, offset } = shape;
  if (cols <= 0 || source.length % cols !== 0) throw new RangeError(`source has ${source.length} values, not whole rows of ${cols}`);
  if (offset + rows > order.length) throw new RangeError(`order has ${order.length} entries, expected at least offset + rows = ${offset + rows}`);
  const sourceRows = source.length / cols;
  const out = new Float64Array(rows * cols);
  for (let b = 0; b < rows; b++) {
    const row = order[offset + b]!;
    if (!Number.isInteger(row) || row < 0 || row >= sourceRows) throw new RangeError(`order[${offset + b}] = ${row} is not a row of a ${sourceRows}-row source`);
    for (let j = 0; j < cols; j++) out[b * cols + j] = source[row * cols + j]!;
  }
  return out;
}
