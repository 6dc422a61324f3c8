import { describe, expect, it } from 'vitest';
import { ADAM_DEFAULTS, adamStep } from './adam';

describe('adamStep', () => {
  it('takes the two steps computed by hand (lr 0.1, grads 0.5 then −1)', () => {
    const param = Float32Array.of(1);
    const m = new Float32Array(1);
    const v = new Float32Array(1);
    const settings = { ...ADAM_DEFAULTS, learningRate: 0.1 };
    adamStep(param, Float32Array.of(0.5), m, v, 1, settings);
    // m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25: the first step is lr · 0.5 / (0.5 + 1e-8).
    expect(m[0]).toBeCloseTo(0.05, 7);
    expect(v[0]).toBeCloseTo(0.00025, 9);
    expect(param[0]).toBeCloseTo(0.9, 6);
    adamStep(param, Float32Array.of(-1), m, v, 2, settings);
    // m = −0.055, v = 0.00124975, m̂ = −0.055/0.19, v̂ = 0.00124975/0.001999 → θ = 0.93661035…
    expect(m[0]).toBeCloseTo(-0.055, 7);
    expect(v[0]).toBeCloseTo(0.00124975, 9);
    expect(param[0]).toBeCloseTo(0.9366103542, 6);
  });
});
