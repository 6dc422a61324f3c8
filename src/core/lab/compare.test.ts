import { describe, expect, it } from 'vitest';
import type { LabSettings } from '../evaluation/lab-settings';
import {
  collapseThreshold,
  compareEvaluations,
  formatDelta,
  labelsChangedMost,
  largestScore,
  mapAxis,
  mapUnitLabel,
  prCurvePoints,
  sameCurves,
  zetaChart,
  zetaGrid,
  type EvaluationLike,
} from './compare';

const A: LabSettings = { zeta: 0.1, lambda: 0, scale: null, convention: 'step', difficult: 'positive' };
const B: LabSettings = { ...A, zeta: 0.5 };

const evaluation = (mAP: number, cat: number | null, dog: number | null): EvaluationLike => ({
  mAP,
  perClass: [
    { className: 'cat', ap: cat },
    { className: 'dog', ap: dog },
  ],
});

describe('labels', () => {
  it('names the convention and difficult handling on a mAP', () => {
    expect(mapUnitLabel({ convention: 'voc07', difficult: 'ignore' })).toBe('mAP % (VOC07 11-point, difficult ignored)');
    expect(mapUnitLabel({ convention: 'step', difficult: 'positive' }, 'AP')).toBe('AP % (step-wise, difficult as positive)');
  });
  it('signs deltas and rounds before choosing the sign', () => {
    expect(formatDelta(1.254)).toBe('+1.25');
    expect(formatDelta(-0.5)).toBe('−0.50');
    expect(formatDelta(-0.001)).toBe('±0.00');
    expect(formatDelta(null)).toBe('—');
  });
});

describe('compareEvaluations', () => {
  it('gives B − A for mAP and per-class AP of each mode, null where a side has no AP', () => {
    const a = { global: evaluation(50, 40, 60), aggregate: evaluation(30, 20, 40), final: evaluation(45, 50, null) };
    const b = { global: evaluation(50, 40, 60), aggregate: evaluation(35, 30, 40), final: evaluation(40, 40, null) };
    const result = compareEvaluations(a, b);
    expect(result.map).toEqual([
      { mode: 'global', a: 50, b: 50, delta: 0 },
      { mode: 'aggregate', a: 30, b: 35, delta: 5 },
      { mode: 'final', a: 45, b: 40, delta: -5 },
    ]);
    expect(result.perClass[0]).toEqual({
      className: 'cat',
      classIndex: 0,
      a: { global: 40, aggregate: 20, final: 50 },
      b: { global: 40, aggregate: 30, final: 40 },
      delta: { global: 0, aggregate: 10, final: -10 },
    });
    expect(result.perClass[1]!.delta.final).toBeNull();
  });
  it('refuses evaluations over different classes', () => {
    const a = { global: evaluation(1, 1, 1), aggregate: evaluation(1, 1, 1), final: evaluation(1, 1, 1) };
    const other: EvaluationLike = { mAP: 1, perClass: [{ className: 'cat', ap: 1 }, { className: 'cow', ap: 1 }] };
    expect(() => compareEvaluations(a, { ...a, final: other })).toThrow(RangeError);
  });
});

describe('labelsChangedMost', () => {
  const ids = ['x', 'y', 'z', 'w'];
  const classes = ['cat', 'dog'];
  // |Δ| per image (exact in float32): x 0.125+0.25 = 0.375 (dog), y 0.5+0 = 0.5 (cat), z 0, w 0.25+0.125 = 0.375 (cat).
  const a = new Float32Array([0.5, 0.5, 0.125, 0.25, 0.3, 0.3, 0.5, 0.5]);
  const b = new Float32Array([0.375, 0.75, 0.625, 0.25, 0.3, 0.3, 0.75, 0.375]);
  it('ranks by the L1 change of the label vector, ties in split order, unchanged images left out', () => {
    const ranked = labelsChangedMost(ids, classes, a, b, 10);
    expect(ranked.map((change) => change.id)).toEqual(['y', 'x', 'w']);
    expect(ranked[0]).toMatchObject({ row: 1, className: 'cat', classIndex: 0 });
    expect(ranked[0]!.total).toBeCloseTo(0.5, 6);
    expect(ranked[1]).toMatchObject({ row: 0, className: 'dog' });
    expect(ranked[1]!.a).toBeCloseTo(0.5, 6);
    expect(ranked[1]!.b).toBe(0.75);
    expect(ranked[1]!.total).toBe(0.375);
    expect(ranked[2]).toMatchObject({ row: 3, className: 'cat', a: 0.5, b: 0.75, total: 0.375 });
  });
  it('keeps at most `limit`', () => {
    expect(labelsChangedMost(ids, classes, a, b, 1).map((change) => change.id)).toEqual(['y']);
  });
  it('refuses score matrices of the wrong size', () => {
    expect(() => labelsChangedMost(ids, classes, a, b.subarray(2), 3)).toThrow(RangeError);
  });
});

describe('zeta chart', () => {
  it('builds a ζ grid that holds the extra values exactly once', () => {
    expect(zetaGrid(0, 0.5, 0.25, [0.25, 0.1])).toEqual([0, 0.1, 0.25, 0.5]);
    expect(zetaGrid(0, 1, 0.1)).toHaveLength(11);
    expect(zetaGrid(0, 1, 0.1)[3]).toBe(0.3);
  });
  const sweep = { zetas: [0, 0.1, 0.5, 1], mAP: { global: [60, 60, 60, 60], aggregate: [70, 40, 40, 40], final: [75, 55, 55, 55] } };
  it('places A and B on A’s curves when only ζ differs', () => {
    expect(sameCurves(A, B)).toBe(true);
    const chart = zetaChart(A, B, sweep, null);
    expect(chart.separateB).toBe(false);
    expect(chart.rows[1]).toEqual({ zeta: 0.1, a_global: 60, a_aggregate: 40, a_final: 55 });
    expect(chart.markers[0]).toEqual({ label: 'A', zeta: 0.1, mAP: { global: 60, aggregate: 40, final: 55 } });
    expect(chart.markers[1]).toEqual({ label: 'B', zeta: 0.5, mAP: { global: 60, aggregate: 40, final: 55 } });
  });
  it('adds B’s own curves when B’s λ, scale, convention or difficult differ', () => {
    const sweepB = { zetas: sweep.zetas, mAP: { global: [61, 61, 61, 61], aggregate: [71, 71, 41, 41], final: [76, 76, 56, 56] } };
    const settingsB = { ...B, lambda: 1 };
    expect(sameCurves(A, settingsB)).toBe(false);
    // Another grid or prompt template gives other scores, so other curves.
    expect(sameCurves(A, { ...B, grid: 2 })).toBe(false);
    expect(sameCurves(A, { ...B, promptTemplate: 'a photo of a {name}.' })).toBe(false);
    const chart = zetaChart(A, settingsB, sweep, sweepB);
    expect(chart.rows[0]).toEqual({ zeta: 0, a_global: 60, a_aggregate: 70, a_final: 75, b_global: 61, b_aggregate: 71, b_final: 76 });
    expect(chart.markers[1]?.mAP).toEqual({ global: 61, aggregate: 41, final: 56 });
  });
  it('draws A’s curves alone, without B’s marker, while B’s own are computed', () => {
    const chart = zetaChart(A, { ...B, lambda: 1 }, sweep, null, true);
    expect(chart).toMatchObject({ separateB: false, pendingB: true });
    expect(chart.rows[0]).toEqual({ zeta: 0, a_global: 60, a_aggregate: 70, a_final: 75 });
    expect(chart.markers).toEqual([{ label: 'A', zeta: 0.1, mAP: { global: 60, aggregate: 40, final: 55 } }]);
    expect(zetaChart(A, B, sweep, null).pendingB).toBe(false);
  });
  it('refuses a marker whose ζ was not swept', () => {
    expect(() => zetaChart({ ...A, zeta: 0.2 }, B, sweep, null)).toThrow(RangeError);
  });
});

describe('collapseThreshold', () => {
  it('finds the smallest ζ from which the aggregate equals β (its value at the largest ζ)', () => {
    const sweep = { zetas: [0, 0.05, 0.1, 0.5, 1], mAP: { global: [0, 0, 0, 0, 0], aggregate: [80, 70, 44.5, 44.5, 44.5], final: [0, 0, 0, 0, 0] } };
    expect(collapseThreshold(sweep)).toEqual({ from: 0.1, betaMap: 44.5 });
  });
  it('is null when only the last ζ gives β', () => {
    const sweep = { zetas: [0, 0.5, 1], mAP: { global: [0, 0, 0], aggregate: [80, 60, 44.5], final: [0, 0, 0] } };
    expect(collapseThreshold(sweep)).toBeNull();
  });
});

describe('prCurvePoints', () => {
  it('turns the struct of arrays into points and starts the curve at recall 0', () => {
    const curve = { length: 2, recall: new Float64Array([0.5, 1]), precision: new Float64Array([1, 0.5]) };
    expect(prCurvePoints(curve)).toEqual([
      { recall: 0, precision: 1 },
      { recall: 0.5, precision: 1 },
      { recall: 1, precision: 0.5 },
    ]);
  });
});

describe('largestScore', () => {
  it('is the maximum, NaN when empty', () => {
    expect(largestScore(new Float32Array([0.25, 0.75, 0.5]))).toBe(0.75);
    expect(largestScore([])).toBeNaN();
  });
});

describe('mapAxis', () => {
  it('fits the lowest and highest mAP of A and B, on a round step', () => {
    const sweep = { zetas: [0, 0.1], mAP: { global: [60, 60], aggregate: [70, 44.5], final: [75, 55] } };
    const sweepB = { zetas: [0, 0.1], mAP: { global: [61, 61], aggregate: [71, 36], final: [76, 56] } };
    // 44.5 … 75: 30.5 points, step 5 (≤ 8 steps): 40 … 75.
    expect(mapAxis(zetaChart(A, A, sweep, null))).toEqual({ domain: [40, 75], ticks: [40, 45, 50, 55, 60, 65, 70, 75] });
    // B's curves count too: 36 … 76, step 5.
    expect(mapAxis(zetaChart(A, { ...A, lambda: 1 }, sweep, sweepB)).domain).toEqual([35, 80]);
  });

  it('keeps curves a fraction of a point apart readable, and a flat curve inside 0…100', () => {
    const close = { zetas: [0, 0.1], mAP: { global: [82.35, 82.35], aggregate: [81.9, 82.1], final: [83.83, 83.02] } };
    const axis = mapAxis(zetaChart(A, A, close, null));
    expect(axis.domain).toEqual([81.5, 84]);
    expect(axis.ticks).toEqual([81.5, 82, 82.5, 83, 83.5, 84]);
    const flat = { zetas: [0.1], mAP: { global: [100], aggregate: [100], final: [100] } };
    expect(mapAxis(zetaChart(A, A, flat, null)).domain).toEqual([99, 100]);
    const low = { zetas: [0.1], mAP: { global: [3], aggregate: [3], final: [3] } };
    expect(mapAxis(zetaChart(A, A, low, null)).domain).toEqual([3, 4]);
  });

  it('spans 0 to 100 by tens when asked', () => {
    const sweep = { zetas: [0.1], mAP: { global: [60], aggregate: [70], final: [75] } };
    expect(mapAxis(zetaChart(A, A, sweep, null), 'full')).toEqual({ domain: [0, 100], ticks: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] });
  });
});
