import { describe, expect, it } from 'vitest';
import type { LabSettings } from '../evaluation/lab-settings';
import { differenceNames, presetChanges, settingDifferences, sharedZetaMarker, sideHeading, temperatureName } from './compare-differences';

const SCALES = { paper: 100, reference: 1 / Math.log(100) };
const A: LabSettings = { zeta: 0.5, lambda: 0, scale: 100, convention: 'step', difficult: 'positive' };

describe('settingDifferences', () => {
  it('names only the temperature when A and B differ in it alone (the case the chart called "A = B")', () => {
    const differences = settingDifferences(A, { ...A, scale: SCALES.reference }, SCALES);
    expect(differences).toEqual([{ key: 'scale', name: 'temperature', a: 'temperature 100 (paper)', b: 'temperature 1/ln 100 (reference)' }]);
    expect(sideHeading('A', differences)).toBe('A: temperature 100 (paper)');
    expect(sideHeading('B', differences)).toBe('B: temperature 1/ln 100 (reference)');
    expect(sharedZetaMarker(differences)).toBe('A, B: temperature differs');
  });

  it('lists every differing setting in a fixed order, values as the editor shows them', () => {
    const b: LabSettings = { zeta: 0.1, lambda: 1, scale: null, convention: 'voc07', difficult: 'ignore', grid: 4, promptTemplate: 'a photo of a {name}.' };
    const differences = settingDifferences(A, b, SCALES);
    expect(differences.map((difference) => difference.key)).toEqual(['zeta', 'lambda', 'scale', 'metric', 'grid', 'promptTemplate']);
    expect(sideHeading('B', differences)).toBe(
      'B: ζ 0.10, λ 1.00, temperature model’s own, AP VOC07 11-point, difficult ignored, 4×4 grid, prompts “a photo of a {name}.”',
    );
    expect(sideHeading('A', differences)).toBe('A: ζ 0.50, λ 0.00, temperature 100 (paper), AP step-wise, difficult as positive, this run’s grid, prompts in force');
    expect(differenceNames(differences)).toBe('ζ, λ, temperature, AP convention, snippet grid and prompts');
    expect(sharedZetaMarker(differences)).toBeNull();
  });

  it('says "A = B" only for the same setting, and names two differences at a shared ζ', () => {
    expect(settingDifferences(A, { ...A }, SCALES)).toEqual([]);
    expect(sharedZetaMarker([])).toBe('A = B');
    expect(sideHeading('A', [])).toBe('A (same setting as B)');
    expect(sharedZetaMarker(settingDifferences(A, { ...A, lambda: 0.5, scale: null }, SCALES))).toBe('A, B: λ and temperature differ');
  });

  it('counts a ζ difference below the shown two decimals as none (the sliders move by 0.01)', () => {
    expect(settingDifferences(A, { ...A, zeta: 0.5 + 1e-12 }, SCALES)).toEqual([]);
  });

  it('names custom temperatures by their number', () => {
    expect(temperatureName(3.14159, SCALES)).toBe('3.142');
    expect(temperatureName(null, SCALES)).toBe('model’s own');
  });
});

describe('presetChanges', () => {
  it('says what the paper-vs-reference preset changed on each side, B’s ζ included', () => {
    const before = { a: { ...A, zeta: 0.1, scale: null }, b: { ...A, zeta: 0.5, scale: null } };
    const after = { a: { ...A, zeta: 0.1, scale: SCALES.paper }, b: { ...A, zeta: 0.1, scale: SCALES.reference } };
    expect(presetChanges(before, after, SCALES)).toEqual(['A: temperature model’s own → 100 (paper)', 'B: ζ 0.50 → 0.10, temperature model’s own → 1/ln 100 (reference)']);
    expect(presetChanges(after, after, SCALES)).toEqual([]);
  });
});
