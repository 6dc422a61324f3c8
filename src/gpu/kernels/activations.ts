import type { GpuContext } from '../gpu-context';
import { dispatchElements, elementwiseEntry } from './dispatch';

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

function encodeUnary(ctx: GpuContext, pass: GPUComputePassEncoder, shader: string, buffers: GPUBuffer[], count: number) {
  if (count === 0) return;
  const pipeline = ctx.pipeline(shader);
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, ctx.bindGroup(pipeline, [...buffers, ctx.uniform([{ u32: count }])]));
  dispatchElements(pass, count);
}

/** Encodes output = ReLU(input) over `count` elements (two distinct buffers: WebGPU forbids binding one as both). */
export function encodeRelu(ctx: GpuContext, pass: GPUComputePassEncoder, args: { input: GPUBuffer; output: GPUBuffer; count: number }): void {
  encodeUnary(ctx, pass, RELU_SHADER, [args.input, args.output], args.count);
}

/** Encodes output = σ(input) over `count` elements. */
export function encodeSigmoid(ctx: GpuContext, pass: GPUComputePassEncoder, args: { input: GPUBuffer; output: GPUBuffer; count: number }): void {
  encodeUnary(ctx, pass, SIGMOID_SHADER, [args.input, args.output], args.count);
}

/** Encodes gradInput = gradOutput ⊙ [preActivation > 0]. */
export function encodeReluBackward(
  ctx: GpuContext,
  pass: GPUComputePassEncoder,
  args: { preActivation: GPUBuffer; gradOutput: GPUBuffer; gradInput: GPUBuffer; count: number },
): void {
  encodeUnary(ctx, pass, RELU_BACKWARD_SHADER, [args.preActivation, args.gradOutput, args.gradInput], args.count);
}
