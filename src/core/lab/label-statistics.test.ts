import { describe, expect, it } from 'vitest';
import { labelStatistics, labelStatisticsByMode } from './label-statistics';

// 4 images × 3 classes, per mode (the gallery test's data).
const scores = {
  global: new Float32Array([0.9, 0.05, 0.05, /**/ 0.2, 0.7, 0.1, /**/ 0.6, 0.3, 0.1, /**/ 0.1, 0.1, 0.8]),
  aggregate: new Float32Array([0.9, 0.05, 0.05, /**/ 0.2, 0.7, 0.9, /**/ 0.6, 0.3, 0.1, /**/ 0.1, 0.6, 0.8]),
  final: new Float32Array([0.9, 0.05, 0.05, /**/ 0.2, 0.7, 0.5, /**/ 0.6, 0.3, 0.1, /**/ 0.1, 0.35, 0.8]),
};

describe('label statistics without ground truth', () => {
  it('counts labels per image, images without a label and images per class at the cut', () => {
    // Final at ½: labels per image 1, 2 (b 0.7, c 0.5 = cut), 1, 1 → mean 5/4; a on images 0, 2; b on 1; c on 1, 3.
    expect(labelStatistics(scores.final, 3, 0.5)).toEqual({ images: 4, meanLabels: 1.25, imagesWithoutLabel: 0, imagesPerClass: [2, 1, 2] });
    // At 0.85 only image 0's a (0.9) stays: 1 label over 4 images, 3 images without one.
    expect(labelStatistics(scores.final, 3, 0.85)).toEqual({ images: 4, meanLabels: 0.25, imagesWithoutLabel: 3, imagesPerClass: [1, 0, 0] });
  });

  it('gives each mode its own numbers', () => {
    const byMode = labelStatisticsByMode(scores, 3, 0.5);
    // Global: one label per image; aggregate: 1, 2, 1, 2 → 1.5.
    expect(byMode.global.meanLabels).toBe(1);
    expect(byMode.aggregate.meanLabels).toBe(1.5);
    expect(byMode.aggregate.imagesPerClass).toEqual([2, 2, 2]);
    expect(byMode.final.meanLabels).toBe(1.25);
  });

  it('an empty run has mean 0; scores that do not fill rows are an error', () => {
    expect(labelStatistics(new Float32Array(0), 3, 0.5)).toEqual({ images: 0, meanLabels: 0, imagesWithoutLabel: 0, imagesPerClass: [0, 0, 0] });
    expect(() => labelStatistics(new Float32Array(5), 3, 0.5)).toThrow(/5 scores do not fill rows of 3 classes/);
  });
});
