import type { GpuContext } from '../gpu-context';
import { elementwiseEntry } from './dispatch';
import { elementwiseProgram, encodeKernel, type KernelProgram } from './encode-kernel';

/**
 * One fused Adam step (Kingma & Ba; PyTorch's torch.optim.Adam without weight decay) at step t ≥ 1:
 *   m ← β₁ m + (1−β₁) g;  v ← β₂ v + (1−β₂) g²;
 *   θ ← θ − lr · (m / (1−β₁ᵗ)) / (√(v / (1−β₂ᵗ)) + ε).
 * The bias corrections 1−βᵗ are computed on the CPU in float64 (in float32, 1 − 0.999ᵗ loses digits).
 */
export const ADAM_SHADER = /* wgsl */ `
struct Params {
  count: u32, lr: f32, beta1: f32, oneMinusBeta1: f32,
  beta2: f32, oneMinusBeta2: f32, epsilon: f32, invCorrection1: f32,
  invCorrection2: f32,
}
@group(0) @binding(0) var<storage, read_write> theta: array<f32>;
@group(0) @binding(1) var<storage, read> grads: array<f32>;
@group(0) @binding(2) var<storage, read_write> m: array<f32>;
@group(0) @binding(3) var<storage, read_write> v: array<f32>;
@group(0) @binding(4) var<uniform> settings: Params;
${elementwiseEntry(`  if (i >= settings.count) { return; }
  let g = grads[i];
  let mi = settings.beta1 * m[i] + settings.oneMinusBeta1 * g;
  let vi = settings.beta2 * v[i] + settings.oneMinusBeta2 * (g * g);
  m[i] = mi;
  v[i] = vi;
  let mHat = mi * settings.invCorrection1;
  let vHat = vi * settings.invCorrection2;
  theta[i] = theta[i] - settings.lr * mHat / (sqrt(vHat) + settings.epsilon);`)}`;

export interface AdamSettings {
  readonly learningRate: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
}

export const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

export interface AdamArgs {
  readonly params: GPUBuffer;
  readonly grads: GPUBuffer;
  /** First-moment state, zero before step 1. */
  readonly m: GPUBuffer;
  /** Second-moment state, zero before step 1. */
  readonly v: GPUBuffer;
  readonly count: number;
  /** 1 for the first step. */
  readonly step: number;
  readonly settings: AdamSettings;
}

/** The fused Adam step over `count` parameters as a kernel program. */
export function adamProgram(args: AdamArgs): KernelProgram {
  if (!Number.isInteger(args.step) || args.step < 1) throw new RangeError(`Adam: step must be an integer ≥ 1, got ${args.step}`);
  const beta1 = args.settings.beta1 ?? ADAM_DEFAULTS.beta1;
  const beta2 = args.settings.beta2 ?? ADAM_DEFAULTS.beta2;
  const epsilon = args.settings.epsilon ?? ADAM_DEFAULTS.epsilon;
  return elementwiseProgram('Adam', ADAM_SHADER, args.count, { theta: args.params, grads: args.grads, m: args.m, v: args.v }, [
    { f32: args.settings.learningRate },
    { f32: beta1 },
    { f32: 1 - beta1 },
    { f32: beta2 },
    { f32: 1 - beta2 },
    { f32: epsilon },
    { f32: 1 / (1 - beta1 ** args.step) },
    { f32: 1 / (1 - beta2 ** args.step) },
  ]);
}

/** Encodes one Adam step over `count` parameters (updates params, m, v in place). */
export function encodeAdamStep(ctx: GpuContext, pass: GPUComputePassEncoder, args: AdamArgs): void {
  encodeKernel(ctx, pass, adamProgram(args));
}
