import type { GpuContext } from '../gpu-context';
import { WORKGROUP_SIZE } from './dispatch';
import { checkCounts, encodeKernel, type KernelProgram } from './encode-kernel';

/**
 * Sums (or means) along one axis of a float32 [rows, cols] row-major matrix, or over a whole array.
 * One workgroup of 256 per output: each invocation accumulates a strided slice, then a tree reduction
 * in workgroup memory — pairwise-like, so the float32 error grows far slower than a serial sum.
 *
 * Generic form: output[outputOffset + o] = scale · Σ_{t < length} input[o·outputStride + t·innerStride].
 * Column sums: outputs = cols, length = rows, outputStride = 1, innerStride = cols.
 * Row sums: outputs = rows, length = cols, outputStride = cols, innerStride = 1.
 */
export const REDUCTION_SHADER = /* wgsl */ `
struct Params { outputs: u32, length: u32, outputStride: u32, innerStride: u32, scale: f32, outputOffset: u32 }
@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read_write> output: array<f32>;
@group(0) @binding(2) var<uniform> params: Params;

var<workgroup> partial: array<f32, ${WORKGROUP_SIZE}>;

@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(num_workgroups) groups: vec3u, @builtin(local_invocation_index) local: u32) {
  let o = wg.x + wg.y * groups.x;
  var acc = 0.0;
  if (o < params.outputs) {
    let base = o * params.outputStride;
    for (var t = local; t < params.length; t += ${WORKGROUP_SIZE}u) {
      acc += input[base + t * params.innerStride];
    }
  }
  partial[local] = acc;
  workgroupBarrier();
  for (var width = ${WORKGROUP_SIZE / 2}u; width > 0u; width >>= 1u) {
    if (local < width) {
      partial[local] += partial[local + width];
    }
    workgroupBarrier();
  }
  if (local == 0u && o < params.outputs) {
    output[params.outputOffset + o] = partial[0] * params.scale;
  }
}
`;

export interface ReductionArgs {
  readonly input: GPUBuffer;
  readonly output: GPUBuffer;
  readonly outputs: number;
  readonly length: number;
  readonly outputStride: number;
  readonly innerStride: number;
  /** Multiplies each sum (1 for a sum, 1/length for a mean). */
  readonly scale: number;
  /** Where in `output` the first result goes (default 0): e.g. one slot per mini-batch. */
  readonly outputOffset?: number;
}

/** The generic strided reduction as a kernel program: one workgroup per output. */
export function reductionProgram(args: ReductionArgs): KernelProgram {
  const { outputs, length, outputStride, innerStride } = args;
  const outputOffset = args.outputOffset ?? 0;
  checkCounts('Reduction', { outputs, length, outputStride, innerStride, outputOffset });
  // The last element read is input[(outputs − 1)·outputStride + (length − 1)·innerStride].
  const read = outputs > 0 && length > 0 ? (outputs - 1) * outputStride + (length - 1) * innerStride + 1 : 0;
  return {
    name: 'Reduction',
    wgsl: REDUCTION_SHADER,
    buffers: [
      { name: 'input', buffer: args.input, minElements: read },
      { name: 'output', buffer: args.output, minElements: outputs > 0 ? outputOffset + outputs : 0 },
    ],
    uniforms: [{ u32: outputs }, { u32: length }, { u32: outputStride }, { u32: innerStride }, { f32: args.scale }, { u32: outputOffset }],
    workgroups: outputs,
  };
}

/** Encodes the generic strided reduction (see the shader comment). */
export function encodeReduction(ctx: GpuContext, pass: GPUComputePassEncoder, args: ReductionArgs): void {
  encodeKernel(ctx, pass, reductionProgram(args));
}

interface MatrixReductionArgs {
  readonly input: GPUBuffer;
  /** [cols] for a column reduction, [rows] for a row reduction. */
  readonly output: GPUBuffer;
  readonly rows: number;
  readonly cols: number;
  /** Mean instead of sum (of an empty axis: 0). */
  readonly mean: boolean;
}

/** output[j] = Σᵢ input[i, j] (or the mean over i). */
export function encodeColumnReduction(ctx: GpuContext, pass: GPUComputePassEncoder, args: MatrixReductionArgs): void {
  encodeReduction(ctx, pass, {
    input: args.input,
    output: args.output,
    outputs: args.cols,
    length: args.rows,
    outputStride: 1,
    innerStride: args.cols,
    scale: args.mean && args.rows > 0 ? 1 / args.rows : 1,
  });
}

/** output[i] = Σⱼ input[i, j] (or the mean over j). */
export function encodeRowReduction(ctx: GpuContext, pass: GPUComputePassEncoder, args: MatrixReductionArgs): void {
  encodeReduction(ctx, pass, {
    input: args.input,
    output: args.output,
    outputs: args.rows,
    length: args.cols,
    outputStride: args.cols,
    innerStride: 1,
    scale: args.mean && args.cols > 0 ? 1 / args.cols : 1,
  });
}

/** output[outputOffset] = scale · Σ input[0 … length). */
export function encodeTotal(
  ctx: GpuContext,
  pass: GPUComputePassEncoder,
  args: { readonly input: GPUBuffer; readonly output: GPUBuffer; readonly length: number; readonly scale: number; readonly outputOffset?: number },
): void {
  encodeReduction(ctx, pass, { ...args, outputs: 1, outputStride: 0, innerStride: 1 });
}
