import { describe, expect, it } from 'vitest';
import { AP_CONVENTIONS } from '../metrics/ap-convention';
import { seededRandom } from '../seeded-random';
import { createMatrix, type LabelMatrix } from '../types';
import { sweepPseudoLabels, sweepPseudoLabelsPointwise } from './evaluate-pseudo-labels';
import { PSEUDO_LABEL_MODES } from './pseudo-label-modes';

/** Softmax-like scores rounded to a coarse grid, so aggregate and final scores tie often. */
function randomInputs(rows: number, cols: number, seed: number) {
  const random = seededRandom(seed);
  const draw = () => createMatrix(rows, cols, Float32Array.from({ length: rows * cols }, () => Math.round(random() * 20) / 20));
  const global = draw();
  const a = draw();
  const b = draw();
  // α ≥ β, as max and min over snippets are.
  const alpha = createMatrix(rows, cols, Float32Array.from(a.data, (v, k) => Math.max(v, b.data[k]!)));
  const beta = createMatrix(rows, cols, Float32Array.from(a.data, (v, k) => Math.min(v, b.data[k]!)));
  const labels: LabelMatrix = { rows, cols, data: Int8Array.from({ length: rows * cols }, () => [1, -1, -1, -1, 0][Math.floor(random() * 5)]!) };
  return { inputs: { global, alpha, beta }, labels, classes: Array.from({ length: cols }, (_, c) => `class${c}`) };
}

const ZETAS = Array.from({ length: 51 }, (_, k) => Number((k * 0.02).toFixed(2)));

describe('sweepPseudoLabels', () => {
  it('equals the plain per-point evaluation bit for bit: every mode, λ, AP convention and difficult policy', () => {
    const { inputs, labels, classes } = randomInputs(300, 6, 11);
    for (const mode of PSEUDO_LABEL_MODES) {
      for (const lambda of [0, 0.35, 1]) {
        for (const convention of AP_CONVENTIONS) {
          for (const difficult of ['positive', 'ignore'] as const) {
            const settings = { mode, lambda, convention, difficult };
            expect(sweepPseudoLabels(inputs, labels, classes, settings, ZETAS)).toEqual(sweepPseudoLabelsPointwise(inputs, labels, classes, settings, ZETAS));
          }
        }
      }
    }
  });

  it('takes the plain path, with its errors, for inputs it would refuse', () => {
    const { inputs, labels, classes } = randomInputs(20, 3, 2);
    const settings = { mode: 'final', lambda: 0, convention: 'step', difficult: 'positive' } as const;
    const global = createMatrix(20, 3, Float32Array.from(inputs.global.data, (v, k) => (k === 4 ? NaN : v)));
    const plain = () => sweepPseudoLabelsPointwise({ ...inputs, global }, labels, classes, settings, ZETAS);
    expect(plain).toThrow(/score is NaN at image row 1, class1/);
    expect(() => sweepPseudoLabels({ ...inputs, global }, labels, classes, settings, ZETAS)).toThrow(/score is NaN at image row 1, class1/);
    expect(() => sweepPseudoLabels(inputs, labels, classes, { ...settings, lambda: 2 }, ZETAS)).toThrow(/λ must be between 0 and 1/);
    expect(() => sweepPseudoLabels(inputs, labels, ['a', 'a', 'b'], settings, ZETAS)).toThrow(/appears twice/);
  });
});
