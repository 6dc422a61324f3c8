import type { GpuContext } from '../gpu-context';
import { dispatchElements, elementwiseEntry } from './dispatch';
import { encodeColumnReduction } from './reductions';

/** Bias of a linear layer: Y[i, j] += b[j] on a [rows, cols] matrix, and its gradient Σᵢ dY[i, j]. */
export const BIAS_ADD_SHADER = /* wgsl */ `
struct Params { count: u32, cols: u32 }
@group(0) @binding(0) var<storage, read_write> matrix: array<f32>;
@group(0) @binding(1) var<storage, read> bias: array<f32>;
@group(0) @binding(2) var<uniform> params: Params;
${elementwiseEntry(`  if (i >= params.count) { return; }
  matrix[i] = matrix[i] + bias[i % params.cols];`)}`;

export interface BiasAddArgs {
  /** [rows, cols], updated in place. */
  readonly matrix: GPUBuffer;
  /** [cols]. */
  readonly bias: GPUBuffer;
  readonly rows: number;
  readonly cols: number;
}

/** Encodes matrix[i, j] += bias[j]. */
export function encodeBiasAdd(ctx: GpuContext, pass: GPUComputePassEncoder, args: BiasAddArgs): void {
  const count = args.rows * args.cols;
  if (count === 0) return;
  const pipeline = ctx.pipeline(BIAS_ADD_SHADER);
  const params = ctx.uniform([{ u32: count }, { u32: args.cols }]);
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, ctx.bindGroup(pipeline, [args.matrix, args.bias, params]));
  dispatchElements(pass, count);
}

/** Encodes gradBias[j] = Σᵢ gradOutput[i, j] (the column sum of the [rows, cols] output gradient). */
export function encodeBiasGradient(
  ctx: GpuContext,
  pass: GPUComputePassEncoder,
  args: { readonly gradOutput: GPUBuffer; readonly gradBias: GPUBuffer; readonly rows: number; readonly cols: number },
): void {
  encodeColumnReduction(ctx, pass, { input: args.gradOutput, output: args.gradBias, rows: args.rows, cols: args.cols, mean: false });
}
