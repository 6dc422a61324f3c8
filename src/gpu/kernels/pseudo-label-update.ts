import type { GpuContext } from '../gpu-context';
import { EPSILON, logit } from '../../core/cdul/alignment-reference';
import { elementwiseEntry } from './dispatch';
import { elementwiseProgram, encodeKernel, type KernelProgram } from './encode-kernel';

/**
 * The pseudo-label step of spec §2 (eqs. 7–8) with the network fixed, in place on the latent logits z:
 *   y = σ(z);  z ← z − min(η ψ(y), 1) (logit(y) − logit(p)),  ψ(y) = exp(−(y − ½)² / (2σ²)) / (σ √(2π)),
 * logits of values clamped to [ε, 1−ε] — `latentUpdate` of src/core/cdul/alignment-reference.ts (the
 * bound keeps a label from jumping past the prediction: see `labelStepWeight` there).
 *
 * float32 details (exact in real arithmetic, so the same function as the reference):
 * - logit(clamp(σ(z))) = clamp(z, −L, L) with L = logit(1−ε): taking σ and then its logit in float32
 *   would lose up to 1e-3 for |z| ≈ 10;
 * - logit(clamp(p)) = log(clamp(p, ε, 1−ε)) − log(clamp(1−p, ε, 1−ε)) (see binary-kl.ts for why).
 */
export const PSEUDO_LABEL_UPDATE_SHADER = /* wgsl */ `
struct Params { count: u32, eta: f32, invTwoSigmaSquared: f32, psiScale: f32, epsilon: f32, oneMinusEpsilon: f32, logitLimit: f32 }
@group(0) @binding(0) var<storage, read_write> z: array<f32>;
@group(0) @binding(1) var<storage, read> p: array<f32>;
@group(0) @binding(2) var<uniform> params: Params;
${elementwiseEntry(`  if (i >= params.count) { return; }
  let zi = z[i];
  let e = exp(-abs(zi));
  let s = 1.0 / (1.0 + e);
  let y = select(e * s, s, zi >= 0.0);
  let d = y - 0.5;
  let psi = params.psiScale * exp(-(d * d) * params.invTwoSigmaSquared);
  let logitY = clamp(zi, -params.logitLimit, params.logitLimit);
  let pk = p[i];
  let logitP = log(clamp(pk, params.epsilon, params.oneMinusEpsilon)) - log(clamp(1.0 - pk, params.epsilon, params.oneMinusEpsilon));
  z[i] = zi - min(params.eta * psi, 1.0) * (logitY - logitP);`)}`;

export interface PseudoLabelUpdateArgs {
  /** Latent logits of the pseudo labels, updated in place. */
  readonly z: GPUBuffer;
  /** The fixed network's predictions σ(s). */
  readonly p: GPUBuffer;
  readonly count: number;
  readonly eta: number;
  readonly sigma: number;
}

export function pseudoLabelUpdateProgram(args: PseudoLabelUpdateArgs): KernelProgram {
  const { sigma } = args;
  if (!(sigma > 0)) throw new RangeError(`PseudoLabelUpdate: σ must be positive, got ${sigma}`);
  return elementwiseProgram('PseudoLabelUpdate', PSEUDO_LABEL_UPDATE_SHADER, args.count, { z: args.z, p: args.p }, [
    { f32: args.eta },
    { f32: 1 / (2 * sigma * sigma) },
    { f32: 1 / (sigma * Math.sqrt(2 * Math.PI)) },
    { f32: EPSILON },
    { f32: 1 - EPSILON },
    { f32: logit(1 - EPSILON) },
  ]);
}

/** Encodes z ← z − min(η ψ(σ(z)), 1) (logit(σ(z)) − logit(p)). */
export function encodePseudoLabelUpdate(ctx: GpuContext, pass: GPUComputePassEncoder, args: PseudoLabelUpdateArgs): void {
  encodeKernel(ctx, pass, pseudoLabelUpdateProgram(args));
}
