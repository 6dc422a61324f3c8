/**
 * Gradient alignment (spec §2), in float64: the reference every GPU kernel of the trainer is checked
 * against. All arrays are packed [images, classes] row-major; y are pseudo labels, p predictions
 * (sigmoid outputs), z the pseudo labels' latent logits (y = σ(z)).
 */

/** Clamp for every log and logit: keeps 0 and 1 labels finite (spec: ε ≈ 1e-6). */
export const EPSILON = 1e-6;

export function clampProbability(value: number, epsilon = EPSILON): number {
  return Math.min(1 - epsilon, Math.max(epsilon, value));
}

export function logit(probability: number, epsilon = EPSILON): number {
  const q = clampProbability(probability, epsilon);
  return Math.log(q / (1 - q));
}

export function sigmoid(x: number): number {
  // Two branches so that exp never overflows for large |x|.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** L = mean over all labels of y log(y/p) + (1−y) log((1−y)/(1−p)), both clamped to [ε, 1−ε]. */
export function binaryKlLoss(y: ArrayLike<number>, p: ArrayLike<number>): number {
  assertSameLength(y, p, 'y', 'p');
  let sum = 0;
  for (let k = 0; k < y.length; k++) {
    const yk = clampProbability(y[k]!);
    const pk = clampProbability(p[k]!);
    sum += yk * Math.log(yk / pk) + (1 - yk) * Math.log((1 - yk) / (1 - pk));
  }
  return sum / y.length;
}

/**
 * ∂ℓ/∂y of one label's binary KL: logit(y) − logit(p) (spec §2). Per label, not divided by the
 * number of labels: the pseudo-label update steps each label on its own term.
 */
export function klGradientWrtLabels(y: ArrayLike<number>, p: ArrayLike<number>): Float64Array {
  assertSameLength(y, p, 'y', 'p');
  const out = new Float64Array(y.length);
  for (let k = 0; k < y.length; k++) out[k] = logit(y[k]!) - logit(p[k]!);
  return out;
}

/**
 * ∂L/∂s for the network's logits s (p = σ(s)) of the mean loss: (p − y) / count — the same gradient
 * as soft-target binary cross-entropy. This is what the training backward pass starts from.
 */
export function klGradientWrtLogits(y: ArrayLike<number>, p: ArrayLike<number>): Float64Array {
  assertSameLength(y, p, 'y', 'p');
  const out = new Float64Array(y.length);
  for (let k = 0; k < y.length; k++) out[k] = (p[k]! - y[k]!) / y.length;
  return out;
}

/**
 * ψ(y) = exp(−(y − 0.5)² / (2σ²)) / (σ √(2π)): a Gaussian bump centred on 0.5, so the most
 * uncertain labels take the largest steps. With σ = 1 it is almost flat (0.35–0.40).
 */
export function psi(y: number, sigma: number): number {
  if (!(sigma > 0)) throw new RangeError(`σ must be positive, got ${sigma}`);
  return Math.exp(-((y - 0.5) ** 2) / (2 * sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
}

/** The smallest and the largest float32 in (0, 1): where Y0's exact 0s and 1s start from. */
export const SMALLEST_FLOAT32_PROBABILITY = 2 ** -149;
export const LARGEST_FLOAT32_PROBABILITY = 1 - 2 ** -24;

/**
 * z0 = log Y0 − log1p(−Y0) in float64: the latent logits the pseudo labels start from. Only exact 0 and
 * 1 are moved (into (0, 1)); clamping to [ε, 1−ε] instead would tie every label below ε and change Y0's
 * ranking, so the labels training starts from would not be Y0.
 */
export function initialLatent(initialLabels: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: initialLabels.length }, (_, k) => {
    const y = Math.min(LARGEST_FLOAT32_PROBABILITY, Math.max(SMALLEST_FLOAT32_PROBABILITY, initialLabels[k]!));
    return Math.log(y) - Math.log1p(-y);
  });
}

/**
 * The weight of one label's step, min(η ψ(y), 1). With ∂L/∂y = logit(y) − logit(p) the step is
 * z ← z − ηψ (z − s) for the head's logit s, which lands between z and s only while ηψ ≤ 1; ψ(½) is
 * 1/(σ√(2π)) ≈ 2 at σ 0.2, so unbounded labels near ½ jump past the prediction and oscillate.
 * Capped at 1 a label moves towards σ(s), at most onto it, in the method's direction.
 */
export function labelStepWeight(y: number, settings: { readonly eta: number; readonly sigma: number }): number {
  return Math.min(settings.eta * psi(y, settings.sigma), 1);
}

/** One pseudo-label step with the network fixed (eqs. 7–8): z ← z − min(η ψ(y), 1) ∂L/∂y, y = σ(z). */
export function latentUpdate(
  z: ArrayLike<number>,
  p: ArrayLike<number>,
  settings: { readonly eta: number; readonly sigma: number },
): Float64Array {
  assertSameLength(z, p, 'z', 'p');
  const out = new Float64Array(z.length);
  for (let k = 0; k < z.length; k++) {
    const y = sigmoid(z[k]!);
    out[k] = z[k]! - labelStepWeight(y, settings) * (logit(y) - logit(p[k]!));
  }
  return out;
}

function assertSameLength(a: ArrayLike<number>, b: ArrayLike<number>, nameA: string, nameB: string) {
  if (a.length !== b.length) {
    throw new RangeError(`${nameA} has ${a.length} values but ${nameB} has ${b.length}`);
  }
}
