import { describe, expect, it } from 'vitest';
import { logit, psi, sigmoid } from '../cdul/alignment-reference';
import { seededRandom } from '../seeded-random';
import { updateLatent } from './pseudo-label-update';

/**
 * Issue 14 item 1: with the head's logit s fixed, repeated label steps move y = σ(z) monotonically
 * towards the prediction p = σ(s) and never past it, for every σ > 0 and η ≥ 0 (the form and the CLI
 * accept any such value, so a grid spanning orders of magnitude plus seeded log-uniform draws).
 */
const SIGMAS = [0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 100];
const ETAS = [0, 0.1, 0.5, 1, 2, 5, 10, 1000, 1e9];
// Beyond ±13.8 (logit of 1 − ε) too: z0 of a label Y0 near 0 or 1 starts far out.
const START_LOGITS = [-100, -13, -5, -1, -0.2, 0, 0.3, 1, 4, 12, 40];
const HEAD_LOGITS = [-15, -3, -0.5, 0, 0.1, 0.7, 2.5, 9, 16];
const STEPS = 25;

type Step = (latent: Float32Array, predictions: Float32Array, settings: { eta: number; sigma: number }) => void;

/** Every (z0, s) pair: the latent logits and the float32 predictions σ(s) the trainer would see. */
function pairs(): { latent: Float32Array; predictions: Float32Array } {
  const latent: number[] = [];
  const predictions: number[] = [];
  for (const z of START_LOGITS) for (const s of HEAD_LOGITS) [latent.push(z), predictions.push(sigmoid(s))];
  return { latent: Float32Array.from(latent), predictions: Float32Array.from(predictions) };
}

/** Steps that moved a label away from its target T = logit(p) or past it (beyond float32 rounding). */
function violations(step: Step, settings: { eta: number; sigma: number }): string[] {
  const { latent, predictions } = pairs();
  const targets = Array.from(predictions, (p) => logit(p));
  const found: string[] = [];
  for (let n = 0; n < STEPS; n++) {
    const before = latent.slice();
    step(latent, predictions, settings);
    latent.forEach((z, k) => {
      const [from, target] = [before[k]!, targets[k]!];
      const slack = 2 ** -23 * Math.max(Math.abs(from), Math.abs(target), 1);
      const away = (z - from) * Math.sign(target - from) < -slack;
      const past = (target - z) * Math.sign(target - from) < -slack;
      if (away || past) found.push(`η ${settings.eta} σ ${settings.sigma} step ${n}: z ${from} → ${z}, target ${target}`);
    });
  }
  return found;
}

/** The step without the bound, z ← z − η ψ(y) (logit(y) − logit(p)): what the check must catch. */
const unbounded: Step = (latent, predictions, { eta, sigma }) => {
  latent.forEach((z, k) => {
    const y = sigmoid(z);
    latent[k] = z - eta * psi(y, sigma) * (logit(y) - logit(predictions[k]!));
  });
};

describe('the bounded label step min(η ψ(y), 1)', () => {
  it.each(SIGMAS)('σ %s: y moves towards σ(s), never past it, for every η on the grid', (sigma) => {
    for (const eta of ETAS) expect(violations(updateLatent, { eta, sigma })).toEqual([]);
  });

  it('holds for seeded log-uniform σ ∈ [1e-3, 1e3] and η ∈ [1e-3, 1e6]', () => {
    const random = seededRandom(14);
    for (let draw = 0; draw < 60; draw++) {
      const sigma = 10 ** (6 * random() - 3);
      const eta = 10 ** (9 * random() - 3);
      expect(violations(updateLatent, { eta, sigma })).toEqual([]);
    }
  });

  it('gets to the prediction when ψ is not negligible: σ 0.2, η 1 reaches p within the steps', () => {
    const latent = Float32Array.of(0, 0.4, -0.3);
    const predictions = Float32Array.of(0.56, 0.44, 0.9);
    for (let n = 0; n < STEPS; n++) updateLatent(latent, predictions, { eta: 1, sigma: 0.2 });
    latent.forEach((z, k) => expect(sigmoid(z)).toBeCloseTo(predictions[k]!, 6));
  });

  it('the check catches the unbounded step: defaults η 1, σ 0.2 jump past the prediction', () => {
    expect(violations(unbounded, { eta: 1, sigma: 0.2 }).length).toBeGreaterThan(0);
    // The swing: a label at 0.44 with the prediction at 0.56 lands at ≈ 0.56 + (0.56 − 0.44).
    const latent = Float32Array.of(logit(0.44));
    unbounded(latent, Float32Array.of(0.56), { eta: 1, sigma: 0.1 });
    expect(sigmoid(latent[0]!)).toBeGreaterThan(0.6);
  });
});
