import type { GpuContext } from '../gpu-context';
import { elementWorkgroups, elementwiseEntry } from './dispatch';
import { checkCounts, encodeKernel, type KernelProgram } from './encode-kernel';

/**
 * A mini-batch gathered by index: out[b, j] = source[order[offset + b], j] for b < rows, j < cols
 * (float32 row-major). The trainer uploads an epoch's shuffled order once and gathers every batch's
 * features and pseudo labels on the GPU, so no data crosses the bus during the epoch.
 */
export const GATHER_ROWS_SHADER = /* wgsl */ `
struct Params { count: u32, cols: u32, offset: u32 }
@group(0) @binding(0) var<storage, read> source: array<f32>;
@group(0) @binding(1) var<storage, read> order: array<u32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
@group(0) @binding(3) var<uniform> params: Params;
${elementwiseEntry(`  if (i >= params.count) { return; }
  let b = i / params.cols;
  let j = i % params.cols;
  out[i] = source[order[params.offset + b] * params.cols + j];`)}`;

export interface GatherRowsArgs {
  /** [sourceRows, cols]. */
  readonly source: GPUBuffer;
  /** u32 row indices into `source`. */
  readonly order: GPUBuffer;
  /** [rows, cols]; must not alias `source`. */
  readonly out: GPUBuffer;
  readonly rows: number;
  readonly cols: number;
  /** First entry of `order` to use. */
  readonly offset: number;
}

/**
 * The gather as a kernel program. `source` is checked to hold one row: the row indices are data the
 * CPU does not see here (the trainer's order is a permutation of the source's rows).
 */
export function gatherRowsProgram(args: GatherRowsArgs): KernelProgram {
  const { rows, cols, offset } = args;
  checkCounts('GatherRows', { rows, cols, offset });
  const count = rows * cols;
  return {
    name: 'GatherRows',
    wgsl: GATHER_ROWS_SHADER,
    buffers: [
      { name: 'source', buffer: args.source, minElements: count > 0 ? cols : 0 },
      { name: 'order', buffer: args.order, minElements: count > 0 ? offset + rows : 0 },
      { name: 'out', buffer: args.out, minElements: count },
    ],
    uniforms: [{ u32: count }, { u32: cols }, { u32: offset }],
    workgroups: elementWorkgroups(count),
  };
}

/** Encodes out = source[order[offset … offset + rows)]. */
export function encodeGatherRows(ctx: GpuContext, pass: GPUComputePassEncoder, args: GatherRowsArgs): void {
  encodeKernel(ctx, pass, gatherRowsProgram(args));
}
