import { describe, expect, it } from 'vitest';
import { markCounts, tileLabels, withRefinedScores, type GalleryScores } from './gallery';
import { abilitiesOf, availableFilters, availableSorts, galleryOrder } from './gallery-order';

// 4 images × 3 classes (a, b, c), as in gallery.test.ts; final scores:
// image 0: a 0.9, b 0.05, c 0.05; image 1: a 0.2, b 0.7, c 0.5; image 2: a 0.6, b 0.3, c 0.1; image 3: a 0.1, b 0.35, c 0.8.
const scores = {
  global: new Float32Array([0.9, 0.05, 0.05, /**/ 0.2, 0.7, 0.1, /**/ 0.6, 0.3, 0.1, /**/ 0.1, 0.1, 0.8]),
  aggregate: new Float32Array([0.9, 0.05, 0.05, /**/ 0.2, 0.7, 0.9, /**/ 0.6, 0.3, 0.1, /**/ 0.1, 0.6, 0.8]),
  final: new Float32Array([0.9, 0.05, 0.05, /**/ 0.2, 0.7, 0.5, /**/ 0.6, 0.3, 0.1, /**/ 0.1, 0.35, 0.8]),
};
const unlabelled: GalleryScores = { classes: ['a', 'b', 'c'], scores, truth: null };
const labelled: GalleryScores = { ...unlabelled, truth: new Int8Array([1, -1, -1, /**/ -1, 1, 1, /**/ -1, 1, -1, /**/ -1, 0, 1]) };
const base = { mode: 'final' as const, cut: 0.5, difficult: 'positive' as const, sort: 'dataset' as const, filter: 'all' as const, classIndex: null };

describe('the gallery without ground truth', () => {
  it('a tile shows its predicted labels unmarked, nothing missed, and has no mark counts', () => {
    // Image 2: a 0.6 predicted; b 0.3 (a missed positive with truth) is not shown.
    expect(tileLabels(unlabelled, 2, base).shown).toEqual([{ classIndex: 0, score: expect.closeTo(0.6, 6), mark: null }]);
    expect(tileLabels(unlabelled, 1, base).shown.map((label) => [label.classIndex, label.mark])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(markCounts(unlabelled, 2, base)).toBeNull();
  });

  it('sorts by confidence, label count and margin (ties in split order)', () => {
    // Best score 0.9, 0.7, 0.6, 0.8.
    expect(galleryOrder(unlabelled, { ...base, sort: 'score' })).toEqual([0, 3, 1, 2]);
    // Labels at ½: 1, 2, 1, 1.
    expect(galleryOrder(unlabelled, { ...base, sort: 'label-count' })).toEqual([1, 0, 2, 3]);
    // At 0.25: a; b, c, (a 0.2 no); a, b; b, c → 1, 2, 2, 2.
    expect(galleryOrder(unlabelled, { ...base, sort: 'label-count', cut: 0.25 })).toEqual([1, 2, 3, 0]);
    // min |score − ½|: 0.4, 0 (c = 0.5), 0.1, 0.15 → least certain first.
    expect(galleryOrder(unlabelled, { ...base, sort: 'margin' })).toEqual([1, 2, 3, 0]);
  });

  it('a class keeps the images it is predicted on; the margin is then that class’s', () => {
    // b is predicted on image 1 only (with truth, images 2 and 3 also show: b is in their truth).
    expect(galleryOrder(unlabelled, { ...base, classIndex: 1 })).toEqual([1]);
    expect(galleryOrder(labelled, { ...base, classIndex: 1 })).toEqual([1, 2, 3]);
    // c is predicted on 1 (0.5, margin 0) and 3 (0.8, margin 0.3).
    expect(galleryOrder(unlabelled, { ...base, classIndex: 2, sort: 'margin' })).toEqual([1, 3]);
  });

  it('offers no order or filter that needs ground truth, and refuses them if asked', () => {
    expect(availableSorts(abilitiesOf(unlabelled))).toEqual(['dataset', 'score', 'label-count', 'margin', 'disagreement']);
    expect(availableFilters(abilitiesOf(unlabelled))).toEqual(['all', 'disagrees']);
    expect(() => galleryOrder(unlabelled, { ...base, filter: 'has-missed' })).toThrow(/has-missed order needs ground truth/);
    expect(() => galleryOrder(unlabelled, { ...base, filter: 'has-fp' })).toThrow(/needs ground truth/);
    expect(() => galleryOrder(unlabelled, { ...base, sort: 'missed-first' })).toThrow(/missed-first order needs ground truth/);
    // The global/aggregate filter needs none.
    expect(galleryOrder(unlabelled, { ...base, filter: 'disagrees' })).toEqual([1, 3]);
  });

  it('with ground truth and training’s labels every order and filter is offered', () => {
    const refined = withRefinedScores(labelled, { initial: scores.final, refined: scores.aggregate });
    expect(availableSorts(abilitiesOf(labelled))).toEqual(['dataset', 'score', 'label-count', 'margin', 'missed-first', 'disagreement']);
    expect(availableSorts(abilitiesOf(refined))).toContain('refinement');
    expect(availableFilters(abilitiesOf(refined))).toEqual(['all', 'disagrees', 'has-missed', 'has-fp', 'refined-changed']);
    // The certainty orders read no truth: the same order with it.
    expect(galleryOrder(labelled, { ...base, sort: 'margin' })).toEqual([1, 2, 3, 0]);
    expect(galleryOrder(labelled, { ...base, sort: 'label-count' })).toEqual([1, 0, 2, 3]);
  });
});
