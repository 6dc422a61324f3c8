import { describe, expect, it } from 'vitest';
import { bestScore, cutMargin, labelCount } from './label-certainty';

// 3 images × 3 classes; cut ½.
const scores = new Float32Array([0.9, 0.55, 0.1, /**/ 0.45, 0.3, 0.2, /**/ 0.6, 0.7, 0.52]);

describe('certainty of an image’s labels, from its scores alone', () => {
  it('confidence is the best score', () => {
    expect([0, 1, 2].map((image) => bestScore(scores, 3, image))).toEqual([expect.closeTo(0.9, 6), expect.closeTo(0.45, 6), expect.closeTo(0.7, 6)]);
    expect(bestScore(new Float32Array(0), 0, 0)).toBe(-Infinity);
  });

  it('counts the labels at the cut, a score equal to the cut included', () => {
    expect([0, 1, 2].map((image) => labelCount(scores, 3, image, 0.5))).toEqual([2, 0, 3]);
    expect(labelCount(new Float32Array([0.5, 0.49]), 2, 0, 0.5)).toBe(1);
    expect([0, 1, 2].map((image) => labelCount(scores, 3, image, 0.65))).toEqual([1, 0, 1]);
  });

  it('the margin is the smallest distance of a score to the cut, or one class’s distance', () => {
    // Image 0: |0.9−½| 0.4, |0.55−½| 0.05, |0.1−½| 0.4 → 0.05; image 1: 0.05, 0.2, 0.3 → 0.05; image 2: 0.1, 0.2, 0.02 → 0.02.
    expect([0, 1, 2].map((image) => cutMargin(scores, 3, image, 0.5))).toEqual([expect.closeTo(0.05, 6), expect.closeTo(0.05, 6), expect.closeTo(0.02, 6)]);
    expect([0, 1, 2].map((image) => cutMargin(scores, 3, image, 0.5, 0))).toEqual([expect.closeTo(0.4, 6), expect.closeTo(0.05, 6), expect.closeTo(0.1, 6)]);
    expect(cutMargin(new Float32Array([0.5, 0.9]), 2, 0, 0.5)).toBe(0);
  });
});
