import { describe, expect, it } from 'vitest';
import {
  binaryKlLoss,
  initialLatent,
  klGradientWrtLabels,
  klGradientWrtLogits,
  labelStepWeight,
  latentUpdate,
  logit,
  psi,
  sigmoid,
} from './alignment-reference';

describe('binary KL loss', () => {
  it('is 0 when predictions equal the labels', () => {
    expect(binaryKlLoss([0.2, 0.9, 0.5], [0.2, 0.9, 0.5])).toBeCloseTo(0, 12);
  });

  it('matches a hand-computed value: y 0.8, p 0.5', () => {
    // 0.8 ln(1.6) + 0.2 ln(0.4) = 0.376003 − 0.183258 = 0.192745
    expect(binaryKlLoss([0.8], [0.5])).toBeCloseTo(0.192745, 6);
  });

  it('stays finite for hard 0/1 labels and predictions (clamped)', () => {
    expect(Number.isFinite(binaryKlLoss([1, 0], [0, 1]))).toBe(true);
  });

  it('averages over all labels', () => {
    expect(binaryKlLoss([0.8, 0.5], [0.5, 0.5])).toBeCloseTo(0.192745 / 2, 6);
  });
});

describe('gradients against finite differences', () => {
  const y = [0.8, 0.3, 0.55];
  const p = [0.5, 0.6, 0.2];
  const h = 1e-6;

  it('∂ℓ/∂y = logit(y) − logit(p) per label', () => {
    const gradient = klGradientWrtLabels(y, p);
    y.forEach((_, k) => {
      const plus = [...y];
      const minus = [...y];
      plus[k]! += h;
      minus[k]! -= h;
      const numeric = ((binaryKlLoss(plus, p) - binaryKlLoss(minus, p)) / (2 * h)) * y.length;
      expect(gradient[k]).toBeCloseTo(numeric, 5);
    });
    expect(gradient[0]).toBeCloseTo(Math.log(4), 10); // logit(0.8) − logit(0.5) = ln 4
  });

  it('∂L/∂s = (p − y)/count for logits s with p = σ(s)', () => {
    const s = p.map((value) => logit(value));
    const gradient = klGradientWrtLogits(y, p);
    s.forEach((_, k) => {
      const plus = s.map((v, i) => sigmoid(i === k ? v + h : v));
      const minus = s.map((v, i) => sigmoid(i === k ? v - h : v));
      const numeric = (binaryKlLoss(y, plus) - binaryKlLoss(y, minus)) / (2 * h);
      expect(gradient[k]).toBeCloseTo(numeric, 6);
    });
  });
});

describe('ψ and the latent update', () => {
  it('ψ is the Gaussian density: 1/√(2π) at 0.5 and e^-⅛/√(2π) at 0 for σ = 1', () => {
    expect(psi(0.5, 1)).toBeCloseTo(0.398942, 6);
    expect(psi(0, 1)).toBeCloseTo(0.352065, 6);
    expect(psi(1, 1)).toBeCloseTo(psi(0, 1), 12);
    expect(() => psi(0.5, 0)).toThrow(/σ must be positive/);
  });

  it('moves an uncertain label towards the prediction: z 0, p 0.8, σ 1, η 1 → 0.553052', () => {
    // ψ(0.5; 1) = 1/√(2π) = 0.398942; ∂L/∂y = 0 − ln 4 = −1.386294; z' = 0.398942·1.386294
    const [next] = latentUpdate([0], [0.8], { eta: 1, sigma: 1 });
    expect(next).toBeCloseTo(0.553052, 5);
  });

  it('caps the step weight at 1: z 0, p 0.8, σ 0.2, η 1 lands on logit(0.8) = ln 4, not 2.765262', () => {
    // Unbounded: ψ(0.5; 0.2) = 1/(0.2√(2π)) = 1.994711 and z' = 1.994711·ln 4 = 2.765262, past the prediction.
    expect(labelStepWeight(0.5, { eta: 1, sigma: 0.2 })).toBe(1);
    expect(labelStepWeight(0.5, { eta: 0.25, sigma: 0.2 })).toBeCloseTo(0.498678, 6);
    const [next] = latentUpdate([0], [0.8], { eta: 1, sigma: 0.2 });
    expect(next).toBeCloseTo(Math.log(4), 12);
  });

  it('leaves a label alone when the prediction agrees with it', () => {
    const z = [logit(0.3)];
    expect(latentUpdate(z, [0.3], { eta: 1, sigma: 0.2 })[0]).toBeCloseTo(z[0]!, 10);
  });

  it('starts from z = log Y0 − log1p(−Y0): σ(z) gives Y0 back, only exact 0 and 1 move into (0, 1)', () => {
    const z = initialLatent([0.25, 0, 1, 1e-9]);
    expect(sigmoid(z[0]!)).toBeCloseTo(0.25, 12);
    expect(z[1]).toBeCloseTo(-149 * Math.LN2, 9);
    expect(z[2]).toBeCloseTo(24 * Math.LN2, 6);
    // Below ε (1e-6) too: no clamp ties it to the other tiny labels.
    expect(sigmoid(z[3]!) / 1e-9).toBeCloseTo(1, 12);
  });
});
