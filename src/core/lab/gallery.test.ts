import { describe, expect, it } from 'vitest';
import { FOUR_IMAGES } from './__fixtures__/four-images';
import { hasRefinedScores, markCounts, markOf, refinedScoresFit, scoresOf, tileLabels, withRefinedScores } from './gallery';
import { galleryOrder } from './gallery-order';
import { disagreements, disagreementSize, labelChanges, refinementOf, refinementSize } from './label-changes';

const data = FOUR_IMAGES;
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

describe('refined pseudo labels (training)', () => {
  // Training started from the final labels (Y0) and moved them:
  // image 0: a 0.9→0.95, c 0.05→0.1 (nothing crosses 0.5; largest move 0.05)
  // image 1: b 0.7→0.8, c 0.5→0.3 (c lost; largest move 0.2)
  // image 2: a 0.6→0.2, b 0.3→0.6 (a lost, b gained; largest move 0.4)
  // image 3: b 0.35→0.45, c 0.8→0.9 (nothing crosses; largest move 0.1)
  const initial = new Float32Array(data.scores.final);
  const refined = new Float32Array([0.95, 0.05, 0.1, /**/ 0.2, 0.8, 0.3, /**/ 0.2, 0.6, 0.1, /**/ 0.1, 0.45, 0.9]);
  const trained = withRefinedScores(data, { initial, refined });
  const base = { ...final, sort: 'dataset' as const, filter: 'all' as const, classIndex: null };

  it('attaches training’s labels only when they fit images × classes', () => {
    expect(hasRefinedScores(data)).toBe(false);
    expect(hasRefinedScores(trained)).toBe(true);
    expect(trained.scores.refined).toBe(refined);
    expect(trained.scores.final).toBe(data.scores.final);
    expect(refinedScoresFit({ initial, refined }, 4, 3)).toBe(true);
    expect(refinedScoresFit({ initial, refined }, 3, 3)).toBe(false);
    // Labels of another run (another number of images) are not attached.
    expect(withRefinedScores(data, { initial: new Float32Array(9), refined: new Float32Array(9) })).toBe(data);
    expect(withRefinedScores(data, { initial, refined: new Float32Array(9) })).toBe(data);
    expect(withRefinedScores(data, null)).toBe(data);
  });

  it('asking for training’s labels without them is a clear error', () => {
    expect(() => scoresOf(data, 'refined')).toThrow(/no refined labels.*training run/);
    expect(() => galleryOrder(data, { ...base, mode: 'initial' })).toThrow(/no initial labels/);
    expect(() => galleryOrder(data, { ...base, filter: 'refined-changed' })).toThrow(/no initial labels/);
    expect(() => galleryOrder(data, { ...base, sort: 'refinement' })).toThrow(/no initial labels/);
    expect(() => labelChanges(data, 0, 0.5)).toThrow(/no initial labels/);
    expect(() => tileLabels({ ...data, scores: { ...data.scores, initial, refined: new Float32Array(3) } }, 0, { ...final, mode: 'refined' })).toThrow(RangeError);
  });

  it('lists the classes training gained and lost at the cut, and its largest move', () => {
    expect(labelChanges(trained, 0, 0.5)).toEqual({ gained: [], lost: [] });
    expect(labelChanges(trained, 1, 0.5)).toEqual({ gained: [], lost: [2] });
    expect(labelChanges(trained, 2, 0.5)).toEqual({ gained: [1], lost: [0] });
    expect(labelChanges(trained, 3, 0.5)).toEqual({ gained: [], lost: [] });
    // At a cut of 0.4, image 3's b (0.35 → 0.45) is gained.
    expect(labelChanges(trained, 3, 0.4)).toEqual({ gained: [1], lost: [] });
    expect(refinementSize(trained, 0)).toBeCloseTo(0.05, 6);
    expect(refinementSize(trained, 1)).toBeCloseTo(0.2, 6);
    expect(refinementSize(trained, 2)).toBeCloseTo(0.4, 6);
    expect(refinementSize(trained, 3)).toBeCloseTo(0.1, 6);
    // Per class of image 2: Y0, refined, Δ = refined − Y0.
    expect(refinementOf(trained, 2)).toEqual([
      { initial: expect.closeTo(0.6, 6), refined: expect.closeTo(0.2, 6), delta: expect.closeTo(-0.4, 6) },
      { initial: expect.closeTo(0.3, 6), refined: expect.closeTo(0.6, 6), delta: expect.closeTo(0.3, 6) },
      { initial: expect.closeTo(0.1, 6), refined: expect.closeTo(0.1, 6), delta: 0 },
    ]);
  });

  it('marks tiles with the refined labels, or with Y0 (= final here)', () => {
    // Image 2 refined: b 0.6 is a TP, a 0.2 is no longer a false positive.
    expect(tileLabels(trained, 2, { ...final, mode: 'refined' }).shown).toEqual([{ classIndex: 1, score: expect.closeTo(0.6, 6), mark: 'tp' }]);
    expect(markCounts(trained, 2, { ...final, mode: 'refined' })).toEqual({ tp: 1, fp: 0, missed: 0 });
    expect(markCounts(trained, 2, { ...final, mode: 'initial' })).toEqual(markCounts(data, 2, final));
    // Image 1 refined: c (0.3, in the truth) is now missed.
    expect(markCounts(trained, 1, { ...final, mode: 'refined' })).toEqual({ tp: 1, fp: 0, missed: 1 });
  });

  it('filters the images training changed and sorts by its largest move', () => {
    expect(galleryOrder(trained, { ...base, filter: 'refined-changed' })).toEqual([1, 2]);
    expect(galleryOrder(trained, { ...base, filter: 'refined-changed', cut: 0.4 })).toEqual([1, 2, 3]);
    expect(galleryOrder(trained, { ...base, sort: 'refinement' })).toEqual([2, 1, 3, 0]);
    expect(galleryOrder(trained, { ...base, mode: 'refined', filter: 'has-missed' })).toEqual([1, 3]);
    expect(galleryOrder(trained, { ...base, mode: 'refined', filter: 'has-fp' })).toEqual([]);
    // The existing modes are unchanged by the attachment.
    expect(galleryOrder(trained, { ...base, filter: 'has-fp' })).toEqual([2]);
  });
});
