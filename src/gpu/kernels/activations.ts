import type { GpuContext } from '../gpu-context';
import { elementwiseEntry } from './dispatch';
import { elementwiseProgram, encodeKernel, type KernelProgram } from './encode-kernel';

/** Element-wise activations on float32 arrays: ReLU, its backward pass, and the logistic sigmoid. */

const UNARY_BINDINGS = /* wgsl */ `
struct Params { count: u32 }
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;
@group(0) @binding(2) var<uniform> params: Params;
`;

/** y = max(x, 0). */
export const RELU_SHADER = UNARY_BINDINGS + elementwiseEntry(`  if (i >= params.count) { return; }
  y[i] = max(x[i], 0.0);`);

/**
 * σ(x) in the two-branch form of the float64 reference (exp never overflows): with e = exp(−|x|),
 * σ = 1/(1+e) for x ≥ 0 and e/(1+e) for x < 0.
 */
export const SIGMOID_SHADER = UNARY_BINDINGS + elementwiseEntry(`  if (i >= params.count) { return; }
  let v = x[i];
  let e = exp(-abs(v));
  let s = 1.0 / (1.0 + e);
  y[i] = select(e * s, s, v >= 0.0);`);

/** dx = dy where the pre-activation x > 0, else 0 (the subgradient at 0 is 0, as in PyTorch). */
export const RELU_BACKWARD_SHADER = /* wgsl */ `
struct Params { count: u32 }
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> gradOutput: array<f32>;
@group(0) @binding(2) var<storage, read_write> gradInput: array<f32>;
@group(0) @binding(3) var<uniform> params: Params;
${elementwiseEntry(`  if (i >= params.count) { return; }
  gradInput[i] = select(0.0, gradOutput[i], x[i] > 0.0);`)}`;

export interface UnaryArgs {
  readonly input: GPUBuffer;
  /** Must not be `input`: WebGPU forbids binding one buffer as both. */
  readonly output: GPUBuffer;
  readonly count: number;
}

export const reluProgram = ({ input, output, count }: UnaryArgs): KernelProgram => elementwiseProgram('ReLU', RELU_SHADER, count, { x: input, y: output });
export const sigmoidProgram = ({ input, output, count }: UnaryArgs): KernelProgram => elementwiseProgram('Sigmoid', SIGMOID_SHADER, count, { x: input, y: output });

export interface ReluBackwardArgs {
  readonly preActivation: GPUBuffer;
  readonly gradOutput: GPUBuffer;
  readonly gradInput: GPUBuffer;
  readonly count: number;
}

export function reluBackwardProgram(args: ReluBackwardArgs): KernelProgram {
  const buffers = { x: args.preActivation, gradOutput: args.gradOutput, gradInput: args.gradInput };
  return elementwiseProgram('ReLUBackward', RELU_BACKWARD_SHADER, args.count, buffers);
}

/** Encodes output = ReLU(input) over `count` elements. */
export function encodeRelu(ctx: GpuContext, pass: GPUComputePassEncoder, args: UnaryArgs): void {
  encodeKernel(ctx, pass, reluProgram(args));
}

/** Encodes output = σ(input) over `count` elements. */
export function encodeSigmoid(ctx: GpuContext, pass: GPUComputePassEncoder, args: UnaryArgs): void {
  encodeKernel(ctx, pass, sigmoidProgram(args));
}

/** Encodes gradInput = gradOutput ⊙ [preActivation > 0]. */
export function encodeReluBackward(ctx: GpuContext, pass: GPUComputePassEncoder, args: ReluBackwardArgs): void {
  encodeKernel(ctx, pass, reluBackwardProgram(args));
}
