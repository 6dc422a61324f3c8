import { describe, expect, it } from 'vitest';
import { createMatrix } from '../types';
import type { LabelMatrix } from '../types';
import { classPrCurve } from './pr-curve';

// Scores 0.8, 0.5, 0.5, 0.2 with labels +, −, +, − (npos = 2).
const scores = createMatrix(4, 1, Float32Array.from([0.8, 0.5, 0.5, 0.2]));
const labels: LabelMatrix = { rows: 4, cols: 1, data: Int8Array.from([1, -1, 1, -1]) };

describe('precision–recall curve', () => {
  it('step: one point per distinct threshold, taken after the tie run', () => {
    // 0.8 → tp 1 of 1 image (R ½, P 1); 0.5 → tp 2 of 3 (R 1, P ⅔); 0.2 → tp 2 of 4 (R 1, P ½).
    const curve = classPrCurve(scores, labels, 0, { convention: 'step', difficult: 'positive' });
    expect(curve.length).toBe(3);
    expect([...curve.threshold]).toEqual([0.8, 0.5, 0.2].map(Math.fround));
    expect([...curve.recall]).toEqual([0.5, 1, 1]);
    expect([...curve.precision]).toEqual([1, 2 / 3, 0.5]);
    expect([...curve.row]).toEqual([0, 2, 3]);
  });

  it('VOC: one point per ranked image, ties not grouped', () => {
    const curve = classPrCurve(scores, labels, 0, { convention: 'voc10', difficult: 'positive' });
    expect(curve.length).toBe(4);
    expect([...curve.recall]).toEqual([0.5, 0.5, 1, 1]);
    expect([...curve.precision]).toEqual([1, 0.5, 2 / 3, 0.5]);
    expect([...curve.row]).toEqual([0, 1, 2, 3]);
  });

  it("leaves difficult-only images out under 'ignore' and reports recall 0 without positives", () => {
    const truth: LabelMatrix = { rows: 4, cols: 1, data: Int8Array.from([0, -1, 0, -1]) };
    const curve = classPrCurve(scores, truth, 0, { convention: 'voc07', difficult: 'ignore' });
    expect([...curve.row]).toEqual([1, 3]);
    expect([...curve.recall]).toEqual([0, 0]);
    expect([...curve.precision]).toEqual([0, 0]);
  });
});
