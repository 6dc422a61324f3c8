import type { GpuContext } from '../gpu-context';
import { EPSILON } from '../../core/cdul/alignment-reference';
import { elementwiseEntry } from './dispatch';
import { checkCounts, elementwiseProgram, encodeKernel, type KernelProgram } from './encode-kernel';
import { encodeTotal } from './reductions';

/**
 * The training loss of spec §2 between pseudo labels y and predictions p (both probabilities, same
 * shape), as in src/core/cdul/alignment-reference.ts:
 *   term_k = y log(y/p) + (1−y) log((1−y)/(1−p)), y and p clamped to [ε, 1−ε], ε = 1e-6;
 *   loss = Σ term_k / count;   ∂loss/∂s_k = (p_k − y_k) / count for the logits s (p = σ(s)), unclamped.
 * `count` is the number of labels the mean is over (batch × classes), normally the array length.
 *
 * float32 detail: 1 − clamp(q, ε, 1−ε) is computed as clamp(1 − q, ε, 1−ε) (equal in exact arithmetic),
 * because the float32 nearest to 1 − 1e-6 is 1 − 1.013e-6 and 1 − that would move log(1−q) by 1.3%.
 */
export const BINARY_KL_SHADER = /* wgsl */ `
struct Params { count: u32, invCount: f32, epsilon: f32, oneMinusEpsilon: f32 }
@group(0) @binding(0) var<storage, read> y: array<f32>;
@group(0) @binding(1) var<storage, read> p: array<f32>;
@group(0) @binding(2) var<storage, read_write> terms: array<f32>;
@group(0) @binding(3) var<storage, read_write> gradLogits: array<f32>;
@group(0) @binding(4) var<uniform> params: Params;

// log(clamp(q)) and log(1 − clamp(q)).
fn logClamped(q: f32) -> f32 { return log(clamp(q, params.epsilon, params.oneMinusEpsilon)); }
fn logOneMinusClamped(q: f32) -> f32 { return log(clamp(1.0 - q, params.epsilon, params.oneMinusEpsilon)); }

${elementwiseEntry(`  if (i >= params.count) { return; }
  let yk = y[i];
  let pk = p[i];
  let yc = clamp(yk, params.epsilon, params.oneMinusEpsilon);
  let yc1 = clamp(1.0 - yk, params.epsilon, params.oneMinusEpsilon);
  terms[i] = yc * (log(yc) - logClamped(pk)) + yc1 * (log(yc1) - logOneMinusClamped(pk));
  gradLogits[i] = (pk - yk) * params.invCount;`)}`;

export interface BinaryKlArgs {
  /** Pseudo labels, `length` values. */
  readonly y: GPUBuffer;
  /** Predictions σ(s), `length` values. */
  readonly p: GPUBuffer;
  /** Scratch for the per-label terms, `length` values. */
  readonly terms: GPUBuffer;
  /** Receives the mean loss (or `lossScale` × the sum) at `lossIndex`. */
  readonly loss: GPUBuffer;
  /** Slot of `loss` to write (default 0), e.g. one per mini-batch of an epoch. */
  readonly lossIndex?: number;
  /** Multiplies the sum of the terms (default 1/count: the mean); 1 gives the sum, for an epoch mean. */
  readonly lossScale?: number;
  /** ∂loss/∂logits, `length` values. */
  readonly gradLogits: GPUBuffer;
  readonly length: number;
  /** What the mean divides by; default `length`. */
  readonly count?: number;
}

/** The per-label terms and ∂L/∂logits as a kernel program (the loss is a Reduction after it). */
export function binaryKlProgram(args: BinaryKlArgs): KernelProgram {
  const count = args.count ?? args.length;
  checkCounts('BinaryKL', { count });
  const buffers = { y: args.y, p: args.p, terms: args.terms, gradLogits: args.gradLogits };
  return elementwiseProgram('BinaryKL', BINARY_KL_SHADER, args.length, buffers, [{ f32: 1 / count }, { f32: EPSILON }, { f32: 1 - EPSILON }]);
}

/** Encodes the per-label terms and logit gradient, then their mean into `loss`. */
export function encodeBinaryKl(ctx: GpuContext, pass: GPUComputePassEncoder, args: BinaryKlArgs): void {
  const program = binaryKlProgram(args);
  const count = args.count ?? args.length;
  // Nothing to average: the Reduction below would still write into the loss slot (0, or NaN for count 0).
  if (args.length === 0 || count === 0) return;
  encodeKernel(ctx, pass, program);
  encodeTotal(ctx, pass, { input: args.terms, output: args.loss, length: args.length, scale: args.lossScale ?? 1 / count, outputOffset: args.lossIndex ?? 0 });
}
