import { describe, expect, it } from 'vitest';
import { createMatrix } from '../types';
import { cosineSimilarities, softmaxRows } from './similarity';
import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE, scaleFromLogitScale } from './temperature';
import { snippetGrid } from './snippet-grid';
import { aggregate, snippetExtremes } from './aggregate';
import { finalLabels } from './final-label';

const matrix = (rows: number, cols: number, values: number[]) =>
  createMatrix(rows, cols, Float32Array.from(values));

describe('cosine similarity', () => {
  it('matches hand-computed cosines and ignores vector length', () => {
    const image = matrix(1, 2, [3, 0]); // direction (1, 0), length 3
    const texts = matrix(3, 2, [1, 0, 1, 1, 0, 2]);
    const sims = cosineSimilarities(image, texts);
    expect(Array.from(sims.data)).toEqual([1, Math.fround(Math.SQRT1_2), 0]);
  });

  it('rejects embeddings of different widths', () => {
    expect(() => cosineSimilarities(matrix(1, 2, [1, 0]), matrix(1, 3, [1, 0, 0]))).toThrow(
      /images have 2 dimensions, texts 3/,
    );
  });
});

describe('softmax with a temperature', () => {
  it('paper scale 100: cos 0.3 vs 0.2 gives 1/(1+e^-10)', () => {
    const probs = softmaxRows(matrix(1, 2, [0.3, 0.2]), PAPER_SCALE.scale);
    const expected = 1 / (1 + Math.exp(-10)); // 0.9999546
    expect(probs.data[0]).toBeCloseTo(expected, 6);
    expect(probs.data[1]).toBeCloseTo(1 - expected, 6);
  });

  it('reference scale 1/ln 100: the same cosines give an almost uniform vector', () => {
    const probs = softmaxRows(matrix(1, 2, [0.3, 0.2]), REFERENCE_REPRODUCTION_SCALE.scale);
    // exp(0.1 / ln 100) = exp(0.021715) = 1.021953; 1.021953 / 2.021953 = 0.505429
    expect(probs.data[0]).toBeCloseTo(0.505429, 5);
  });

  it('reference scale keeps 20 classes near 1/20 even when one class is far more similar', () => {
    const cosines = Array.from({ length: 20 }, (_, c) => (c === 7 ? 0.35 : 0.15));
    const probs = softmaxRows(matrix(1, 20, cosines), REFERENCE_REPRODUCTION_SCALE.scale);
    const max = Math.max(...probs.data);
    expect(max).toBeGreaterThan(0.05);
    expect(max).toBeLessThan(0.0525); // every threshold ≥ 0.1 therefore selects β
    const paper = softmaxRows(matrix(1, 20, cosines), PAPER_SCALE.scale);
    expect(paper.data[7]).toBeGreaterThan(0.99);
  });

  it('does not overflow for large logits and rows sum to 1', () => {
    const probs = softmaxRows(matrix(2, 3, [9, 8, 7, -9, 0, 9]), 100);
    for (const row of [0, 1]) {
      const sum = probs.data[row * 3]! + probs.data[row * 3 + 1]! + probs.data[row * 3 + 2]!;
      expect(sum).toBeCloseTo(1, 6);
    }
    expect(Number.isNaN(probs.data[0])).toBe(false);
  });

  it('reads CLIP’s stored logit_scale = ln 100 as scale 100', () => {
    expect(scaleFromLogitScale(Math.log(100)).scale).toBeCloseTo(100, 10);
  });
});

describe('snippet grid', () => {
  it('cuts a 500×375 image into 9 crops of 166×125, row-major, remainder dropped', () => {
    const rects = snippetGrid(500, 375, 3);
    expect(rects).toHaveLength(9);
    expect(rects[0]).toEqual({ x: 0, y: 0, width: 166, height: 125 });
    expect(rects[1]).toEqual({ x: 166, y: 0, width: 166, height: 125 });
    expect(rects[3]).toEqual({ x: 0, y: 125, width: 166, height: 125 });
    expect(rects[8]).toEqual({ x: 332, y: 250, width: 166, height: 125 });
  });

  it('N = 1 is the whole image', () => {
    expect(snippetGrid(7, 5, 1)).toEqual([{ x: 0, y: 0, width: 7, height: 5 }]);
  });

  it('rejects a grid size out of range and an image too small', () => {
    expect(() => snippetGrid(100, 100, 0)).toThrow(/grid size/);
    expect(() => snippetGrid(100, 100, 2.5)).toThrow(/grid size/);
    expect(() => snippetGrid(2, 100, 3)).toThrow(/too small/);
  });
});

describe('aggregator', () => {
  // 1 image, 3 snippets, 2 classes: snippet rows [0.7, 0.1], [0.2, 0.05], [0.4, 0.08]
  const local = Float32Array.from([0.7, 0.1, 0.2, 0.05, 0.4, 0.08]);

  it('α is the per-class max and β the min over snippets', () => {
    const { alpha, beta } = snippetExtremes(local, 1, 3, 2);
    expect(Array.from(alpha.data)).toEqual([0.7, 0.1].map(Math.fround));
    expect(Array.from(beta.data)).toEqual([0.2, 0.05].map(Math.fround));
  });

  it('keeps α where α ≥ ζ, else β', () => {
    const extremes = snippetExtremes(local, 1, 3, 2);
    expect(Array.from(aggregate(extremes, 0).data)).toEqual([0.7, 0.1].map(Math.fround));
    expect(Array.from(aggregate(extremes, 0.5).data)).toEqual([0.7, 0.05].map(Math.fround));
    expect(Array.from(aggregate(extremes, 0.8).data)).toEqual([0.2, 0.05].map(Math.fround));
  });

  it('compares ζ in float32: α stored as float32(0.1) passes ζ = 0.1', () => {
    const extremes = { alpha: matrix(1, 1, [0.1]), beta: matrix(1, 1, [0.01]) };
    expect(aggregate(extremes, 0.1).data[0]).toBe(Math.fround(0.1));
  });

  it('rejects a local tensor of the wrong size', () => {
    expect(() => snippetExtremes(local, 1, 4, 2)).toThrow(/expected 1×4×2/);
  });
});

describe('final pseudo label', () => {
  const g = matrix(1, 2, [0.8, 0.1]);
  const a = matrix(1, 2, [0.4, 0.3]);

  it('λ = 0 averages, λ = 1 takes the max, λ = 0.5 blends', () => {
    expect(Array.from(finalLabels(g, a, 0).data)).toEqual([0.6, 0.2].map(Math.fround));
    expect(Array.from(finalLabels(g, a, 1).data)).toEqual([0.8, 0.3].map(Math.fround));
    // ½ (0.8 + 0.4 + 0.5·0.4) = 0.7; ½ (0.1 + 0.3 + 0.5·0.2) = 0.25
    expect(Array.from(finalLabels(g, a, 0.5).data)).toEqual([0.7, 0.25].map(Math.fround));
  });

  it('rejects λ outside [0, 1] and mismatched shapes', () => {
    expect(() => finalLabels(g, a, 1.5)).toThrow(/λ must be between 0 and 1/);
    expect(() => finalLabels(g, matrix(1, 1, [0]), 0)).toThrow(/global is 1×2 but aggregate is 1×1/);
  });
});
