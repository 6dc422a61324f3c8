import { describe, expect, it } from 'vitest';
import { createMatrix } from '../types';
import type { LabelMatrix } from '../types';
import { createRankingWorkspace } from './ranked-labels';
import { evaluateMeanAp } from './mean-ap';

/**
 * 7 images × 3 classes, row-major. Columns:
 * - cat:  the "one example, three conventions" column of average-precision.test.ts
 *         (step 187/280, voc10 97/140, voc07 54/77).
 * - dog:  no positive at all → no AP, named, left out of the mean.
 * - bird: the three top-scored images are the positives → perfect ranking, AP 1.
 */
const cat = { s: [0.5, 0.9, 0.3, 0.7, 0.8, 0.4, 0.6], l: [1, 1, 1, -1, -1, -1, 1] };
const dog = { s: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], l: [-1, -1, -1, -1, -1, -1, -1] };
const bird = { s: [0.9, 0.1, 0.8, 0.2, 0.7, 0.3, 0.2], l: [1, -1, 1, -1, 1, -1, -1] };
const names = ['cat', 'dog', 'bird'] as const;
const columns = [cat, dog, bird];
// Packed row-major: value i belongs to image ⌊i/3⌋, class i mod 3.
const cell = (i: number) => ({ column: columns[i % 3]!, image: Math.floor(i / 3) });
const scores = createMatrix(
  7,
  3,
  Float32Array.from({ length: 21 }, (_, i) => cell(i).column.s[cell(i).image]!),
);
const labels: LabelMatrix = {
  rows: 7,
  cols: 3,
  data: Int8Array.from({ length: 21 }, (_, i) => cell(i).column.l[cell(i).image]!),
};

describe('evaluateMeanAp', () => {
  it('macro-averages classes with positives, in percent, and names the others', () => {
    const result = evaluateMeanAp(scores, labels, { convention: 'step', difficult: 'positive' }, names);
    // mAP = (187/280 + 1) / 2 · 100 ≈ 83.392857
    expect(result.mAP).toBeCloseTo(((187 / 280 + 1) / 2) * 100, 10);
    expect(result.ap.cat).toBeCloseTo((187 / 280) * 100, 10);
    expect(result.ap.dog).toBeNull();
    expect(result.ap.bird).toBe(100);
    expect(result.classesWithoutPositives).toEqual(['dog']);
    expect(result.evaluatedClasses).toBe(2);
    const rows = result.perClass.map((c) => [c.className, c.classIndex, c.positives, c.negatives, c.ignored]);
    expect(rows).toEqual([
      ['cat', 0, 4, 3, 0],
      ['dog', 1, 0, 7, 0],
      ['bird', 2, 3, 4, 0],
    ]);
  });

  it('selects the convention', () => {
    const voc10 = evaluateMeanAp(scores, labels, { convention: 'voc10', difficult: 'positive' }, names);
    const voc07 = evaluateMeanAp(scores, labels, { convention: 'voc07', difficult: 'positive' }, names);
    expect(voc10.mAP).toBeCloseTo(((97 / 140 + 1) / 2) * 100, 10);
    expect(voc07.mAP).toBeCloseTo(((54 / 77 + 1) / 2) * 100, 10);
    expect(voc07.convention).toBe('voc07');
  });

  it("counts difficult-only images per the policy and reports how many were ignored", () => {
    // One class, scores 0.9 … 0.6, labels 0, −, +, −: 'positive' AP 5/6, 'ignore' AP 1/2
    // (derived in average-precision.test.ts).
    const s = createMatrix(4, 1, Float32Array.from([0.9, 0.8, 0.7, 0.6]));
    const l: LabelMatrix = { rows: 4, cols: 1, data: Int8Array.from([0, -1, 1, -1]) };
    const counted = evaluateMeanAp(s, l, { convention: 'step', difficult: 'positive' }, ['car']);
    const ignored = evaluateMeanAp(s, l, { convention: 'step', difficult: 'ignore' }, ['car']);
    expect(counted.mAP).toBeCloseTo((5 / 6) * 100, 10);
    expect(ignored.mAP).toBe(50);
    expect(ignored.perClass[0]).toMatchObject({ positives: 1, negatives: 2, ignored: 1 });
  });

  it('reuses a workspace across calls without changing results', () => {
    const workspace = createRankingWorkspace(7);
    const fresh = evaluateMeanAp(scores, labels, { convention: 'voc10', difficult: 'ignore' }, names);
    for (let i = 0; i < 3; i++) {
      const options = { convention: 'voc10', difficult: 'ignore', workspace } as const;
      expect(evaluateMeanAp(scores, labels, options, names)).toEqual(fresh);
    }
  });

  it('validates shapes, names and scores with clear RangeErrors', () => {
    const options = { convention: 'step', difficult: 'positive' } as const;
    const narrow: LabelMatrix = { rows: 7, cols: 2, data: new Int8Array(14) };
    expect(() => evaluateMeanAp(scores, narrow, options, names)).toThrow(
      new RangeError('scores are 7×3 (images×classes) but labels are 7×2'),
    );
    const short: LabelMatrix = { rows: 7, cols: 3, data: new Int8Array(20) };
    expect(() => evaluateMeanAp(scores, short, options, names)).toThrow(
      /labels hold 20 values, expected 7×3/,
    );
    expect(() => evaluateMeanAp(scores, labels, options, ['cat', 'dog'])).toThrow(
      /2 class names for 3 score columns/,
    );
    expect(() => evaluateMeanAp(scores, labels, options, ['cat', 'dog', 'cat'])).toThrow(
      /"cat" appears twice/,
    );
    const withNaN = createMatrix(7, 3, Float32Array.from(scores.data));
    withNaN.data[4 * 3 + 2] = Number.NaN;
    expect(() => evaluateMeanAp(withNaN, labels, options, names)).toThrow(
      new RangeError('score is NaN at image row 4, bird'),
    );
  });

  it('throws when no class has a positive', () => {
    const l: LabelMatrix = { rows: 7, cols: 3, data: new Int8Array(21).fill(-1) };
    expect(() => evaluateMeanAp(scores, l, { convention: 'step', difficult: 'positive' }, names)).toThrow(
      /no class has a positive image among 7 images/,
    );
  });
});
