/** Adam (Kingma & Ba) with PyTorch's defaults; moments stored in Float32 like the GPU buffers. */
export interface AdamSettings {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
}

export const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

/**
 * One in-place step at step number `t` (1-based): m ← β1 m + (1−β1) g, v ← β2 v + (1−β2) g²,
 * θ ← θ − lr · m̂ / (√v̂ + ε) with bias-corrected m̂ = m / (1−β1ᵗ), v̂ = v / (1−β2ᵗ).
 */
export function adamStep(
  param: Float32Array,
  grad: Float32Array,
  m: Float32Array,
  v: Float32Array,
  t: number,
  settings: AdamSettings,
): void {
  const { learningRate, beta1, beta2, epsilon } = settings;
  const correction1 = 1 - beta1 ** t;
  const correction2 = 1 - beta2 ** t;
  for (let k = 0; k < param.length; k++) {
    const g = grad[k]!;
    m[k] = beta1 * m[k]! + (1 - beta1) * g;
    v[k] = beta2 * v[k]! + (1 - beta2) * g * g;
    param[k] = param[k]! - (learningRate * (m[k]! / correction1)) / (Math.sqrt(v[k]! / correction2) + epsilon);
  }
}
