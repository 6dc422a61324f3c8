import { initialLatent, latentUpdate, sigmoid } from '../cdul/alignment-reference';

/**
 * The pseudo labels as latent logits z (y = σ(z)), stored in Float32 as on the GPU; the arithmetic
 * is alignment-reference.ts's float64 one, so the CPU path is the reference by construction.
 */
export function latentFromLabels(labels: Float32Array): Float32Array {
  return Float32Array.from(initialLatent(labels));
}

/** In place, with the network fixed: z ← z − min(η ψ(y), 1) (logit(y) − logit(p)) for predictions p. */
export function updateLatent(latent: Float32Array, predictions: Float32Array, settings: { eta: number; sigma: number }): void {
  latent.set(latentUpdate(latent, predictions, settings));
}

export function labelsFromLatent(latent: Float32Array): Float32Array {
  return latent.map((z) => sigmoid(z));
}
