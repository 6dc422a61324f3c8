import type { GpuContext } from '../gpu-context';
import { elementWorkgroups, elementwiseEntry } from './dispatch';
import { checkCounts, encodeKernel, type KernelProgram } from './encode-kernel';
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

export function biasAddProgram(args: BiasAddArgs): KernelProgram {
  const { rows, cols } = args;
  checkCounts('BiasAdd', { rows, cols });
  const count = rows * cols;
  return {
    name: 'BiasAdd',
    wgsl: BIAS_ADD_SHADER,
    buffers: [
      { name: 'matrix', buffer: args.matrix, minElements: count },
      { name: 'bias', buffer: args.bias, minElements: count > 0 ? cols : 0 },
    ],
    uniforms: [{ u32: count }, { u32: cols }],
    workgroups: elementWorkgroups(count),
  };
}

/** Encodes matrix[i, j] += bias[j]. */
export function encodeBiasAdd(ctx: GpuContext, pass: GPUComputePassEncoder, args: BiasAddArgs): void {
  encodeKernel(ctx, pass, biasAddProgram(args));
}

/** Encodes gradBias[j] = Σᵢ gradOutput[i, j] (the column sum of the [rows, cols] output gradient). */
export function encodeBiasGradient(
  ctx: GpuContext,
  pass: GPUComputePassEncoder,
  args: { readonly gradOutput: GPUBuffer; readonly gradBias: GPUBuffer; readonly rows: number; readonly cols: number },
): void {
  encodeColumnReduction(ctx, pass, { input: args.gradOutput, output: args.gradBias, rows: args.rows, cols: args.cols, mean: false });
}
