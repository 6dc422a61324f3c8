import { describe, expect, it } from 'vitest';
import { disagreements, disagreementSize, galleryOrder, markCounts, markOf, moveInGrid, tileLabels, visibleRows, type GalleryScores } from './gallery';

// 4 images × 3 classes (a, b, c). Rows are images.
const data: GalleryScores = {
  classes: ['a', 'b', 'c'],
  scores: {
    global: new Float32Array([0.9, 0.05, 0.05, /**/ 0.2, 0.7, 0.1, /**/ 0.6, 0.3, 0.1, /**/ 0.1, 0.1, 0.8]),
    aggregate: new Float32Array([0.9, 0.05, 0.05, /**/ 0.2, 0.7, 0.9, /**/ 0.6, 0.3, 0.1, /**/ 0.1, 0.6, 0.8]),
    final: new Float32Array([0.9, 0.05, 0.05, /**/ 0.2, 0.7, 0.5, /**/ 0.6, 0.3, 0.1, /**/ 0.1, 0.35, 0.8]),
  },
  // image 0: a; image 1: b, c; image 2: b (a is a false positive); image 3: c, and b difficult-only.
  truth: new Int8Array([1, -1, -1, /**/ -1, 1, 1, /**/ -1, 1, -1, /**/ -1, 0, 1]),
};
const final = { mode: 'final' as const, cut: 0.5, difficult: 'positive' as const };

describe('marks against the ground truth', () => {
  it('predicted means score ≥ cut; TP, FP, missed, correct rejection', () => {
    expect(markOf(0.5, 1, 0.5, 'positive')).toBe('tp');
    expect(markOf(0.5, -1, 0.5, 'positive')).toBe('fp');
    expect(markOf(0.49, 1, 0.5, 'positive')).toBe('missed');
    expect(markOf(0.49, -1, 0.5, 'positive')).toBeNull();
  });

  it('difficult-only labels follow the difficult policy', () => {
    expect(markOf(0.2, 0, 0.5, 'positive')).toBe('missed');
    expect(markOf(0.7, 0, 0.5, 'positive')).toBe('tp');
    expect(markOf(0.2, 0, 0.5, 'ignore')).toBeNull();
    expect(markOf(0.7, 0, 0.5, 'ignore')).toBe('difficult');
  });

  it('a tile shows predicted labels best first, then every missed label', () => {
    // Image 2, final: a 0.6 predicted (negative → FP); b 0.3 missed.
    expect(tileLabels(data, 2, final).shown).toEqual([
      { classIndex: 0, score: expect.closeTo(0.6, 6), mark: 'fp' },
      { classIndex: 1, score: expect.closeTo(0.3, 6), mark: 'missed' },
    ]);
    // Image 1, final: b 0.7 and c 0.5 (= cut, so predicted) are both TPs, b first.
    expect(tileLabels(data, 1, final).shown.map((label) => [label.classIndex, label.mark])).toEqual([
      [1, 'tp'],
      [2, 'tp'],
    ]);
    // Capped at one predicted label: c is hidden and counted.
    const capped = tileLabels(data, 1, final, 1);
    expect(capped.shown.map((label) => label.classIndex)).toEqual([1]);
    expect(capped.hiddenPredicted).toBe(1);
  });

  it('the mode changes the marks: global misses c on image 1, aggregate finds it', () => {
    expect(markCounts(data, 1, { ...final, mode: 'global' })).toEqual({ tp: 1, fp: 0, missed: 1 });
    expect(markCounts(data, 1, { ...final, mode: 'aggregate' })).toEqual({ tp: 2, fp: 0, missed: 0 });
    // Image 3 at the final mode: b (difficult, 0.35) missed when difficult counts as positive, nothing when ignored.
    expect(markCounts(data, 3, final)).toEqual({ tp: 1, fp: 0, missed: 1 });
    expect(markCounts(data, 3, { ...final, difficult: 'ignore' })).toEqual({ tp: 1, fp: 0, missed: 0 });
  });
});

describe('global versus aggregate', () => {
  it('lists the classes one predicts and the other does not, and the largest gap', () => {
    expect(disagreements(data, 0, 0.5)).toEqual([]);
    expect(disagreements(data, 1, 0.5)).toEqual([2]);
    expect(disagreements(data, 3, 0.5)).toEqual([1]);
    expect(disagreementSize(data, 1)).toBeCloseTo(0.8, 6);
    expect(disagreementSize(data, 3)).toBeCloseTo(0.5, 6);
    expect(disagreementSize(data, 2)).toBe(0);
  });
});

describe('gallery order', () => {
  const base = { ...final, sort: 'dataset' as const, filter: 'all' as const, classIndex: null };

  it('keeps the split order by default', () => {
    expect(galleryOrder(data, base)).toEqual([0, 1, 2, 3]);
  });

  it('sorts by the best score, or by one class’s score, descending (ties in split order)', () => {
    // Best final score per image: 0.9, 0.7, 0.6, 0.8.
    expect(galleryOrder(data, { ...base, sort: 'score' })).toEqual([0, 3, 1, 2]);
    // Class b: 0.05, 0.7, 0.3, 0.35 — and only images where b is positive or predicted: 1, 2, 3.
    expect(galleryOrder(data, { ...base, sort: 'score', classIndex: 1 })).toEqual([1, 3, 2]);
  });

  it('filters by class (truth or predicted), by disagreement, by missed labels, by false positives', () => {
    expect(galleryOrder(data, { ...base, classIndex: 0 })).toEqual([0, 2]); // a: positive on 0, predicted (FP) on 2
    expect(galleryOrder(data, { ...base, filter: 'disagrees' })).toEqual([1, 3]);
    expect(galleryOrder(data, { ...base, filter: 'has-missed' })).toEqual([2, 3]);
    expect(galleryOrder(data, { ...base, filter: 'has-fp' })).toEqual([2]);
    expect(galleryOrder(data, { ...base, filter: 'has-missed', difficult: 'ignore' })).toEqual([2]);
  });

  it('puts missed labels first (then false positives), and the largest disagreement first', () => {
    // Global: missed = [0, 1 (c), 1 (b), 1 (b difficult)], fp = [0, 0, 1, 0].
    expect(galleryOrder(data, { ...base, mode: 'global', sort: 'missed-first' })).toEqual([2, 1, 3, 0]);
    expect(galleryOrder(data, { ...base, sort: 'disagreement' })).toEqual([1, 3, 0, 2]);
  });
});

describe('grid navigation and windowing', () => {
  it('moves by one, by a row, and stays inside the grid', () => {
    // 10 items in 4 columns: rows [0–3], [4–7], [8–9].
    expect(moveInGrid(5, 10, 4, 'ArrowRight')).toBe(6);
    expect(moveInGrid(0, 10, 4, 'ArrowLeft')).toBe(0);
    expect(moveInGrid(5, 10, 4, 'ArrowDown')).toBe(9);
    expect(moveInGrid(6, 10, 4, 'ArrowDown')).toBe(6); // no item below
    expect(moveInGrid(5, 10, 4, 'ArrowUp')).toBe(1);
    expect(moveInGrid(2, 10, 4, 'ArrowUp')).toBe(2);
    expect(moveInGrid(3, 10, 4, 'End')).toBe(9);
    expect(moveInGrid(9, 10, 4, 'Home')).toBe(0);
    expect(moveInGrid(1, 10, 4, 'PageDown', 2)).toBe(9);
  });

  it('renders only the rows in view, plus the overscan', () => {
    // Rows of 100 px, a 250 px viewport scrolled to 1000: rows 10–12 visible, ±2 overscan.
    expect(visibleRows(1000, 250, 100, 2885, 2)).toEqual({ first: 8, end: 15 });
    expect(visibleRows(0, 250, 100, 2, 2)).toEqual({ first: 0, end: 2 });
    expect(visibleRows(0, 250, 100, 0)).toEqual({ first: 0, end: 0 });
  });
});
