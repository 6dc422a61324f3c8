import { describe, expect, it } from 'vitest';
import { FOUR_IMAGES } from './__fixtures__/four-images';
import { withRefinedScores } from './gallery';
import { passesFilter } from './gallery-filter';
import { galleryOrder } from './gallery-order';

// The 4 images × 3 classes (a, b, c) of gallery.test.ts. Final scores, with the truth (+ positive, − negative, d difficult-only):
// image 0: a 0.9 +, b 0.05 −, c 0.05 −
// image 1: a 0.2 −, b 0.7 +,  c 0.5 +
// image 2: a 0.6 −, b 0.3 +,  c 0.1 −   (a is a false positive, b is missed)
// image 3: a 0.1 −, b 0.35 d, c 0.8 +   (b is missed when difficult counts as positive)
// Global and aggregate differ at ½ on image 1 class c (0.1 / 0.9) and image 3 class b (0.1 / 0.6).
const data = FOUR_IMAGES;
const base = { mode: 'final' as const, cut: 0.5, difficult: 'positive' as const, sort: 'dataset' as const, filter: 'all' as const, classIndex: null };
const [A, B, C] = [0, 1, 2];

describe('a class and a filter read together', () => {
  it('with a class chosen, "with false positives" means false positives of that class', () => {
    // Any class: image 2 (its a).
    expect(galleryOrder(data, { ...base, filter: 'has-fp' })).toEqual([2]);
    expect(galleryOrder(data, { ...base, filter: 'has-fp', classIndex: A })).toEqual([2]);
    // b is on image 2 (a missed positive), but image 2's false positive is a's: no image has a false b.
    expect(galleryOrder(data, { ...base, filter: 'has-fp', classIndex: B })).toEqual([]);
    expect(galleryOrder(data, { ...base, filter: 'has-fp', classIndex: C })).toEqual([]);
  });

  it('"with missed labels" means missed labels of that class (difficult as the policy counts it)', () => {
    // Any class: image 2 (b) and image 3 (b, difficult).
    expect(galleryOrder(data, { ...base, filter: 'has-missed' })).toEqual([2, 3]);
    expect(galleryOrder(data, { ...base, filter: 'has-missed', classIndex: B })).toEqual([2, 3]);
    expect(galleryOrder(data, { ...base, filter: 'has-missed', classIndex: B, difficult: 'ignore' })).toEqual([2]);
    // c is a positive of images 1 and 3 and found on both (0.5 is at the cut): image 3's missed b is not c's.
    expect(galleryOrder(data, { ...base, filter: 'has-missed', classIndex: C })).toEqual([]);
    expect(galleryOrder(data, { ...base, filter: 'has-missed', classIndex: A })).toEqual([]);
  });

  it('"aggregate disagrees with global" means on that class, whether or not the shown labels have it', () => {
    expect(galleryOrder(data, { ...base, filter: 'disagrees' })).toEqual([1, 3]);
    expect(galleryOrder(data, { ...base, filter: 'disagrees', classIndex: B })).toEqual([3]);
    expect(galleryOrder(data, { ...base, filter: 'disagrees', classIndex: C })).toEqual([1]);
    expect(galleryOrder(data, { ...base, filter: 'disagrees', classIndex: A })).toEqual([]);
    // Global labels, difficult ignored: image 3's b is neither predicted (0.1) nor a positive, yet aggregate (0.6) disagrees on it.
    expect(galleryOrder(data, { ...base, mode: 'global', difficult: 'ignore', filter: 'disagrees', classIndex: B })).toEqual([3]);
    expect(galleryOrder(data, { ...base, mode: 'global', difficult: 'ignore', classIndex: B })).toEqual([1, 2]);
  });

  it('"where training changed a label" means changed that class', () => {
    // Y0 = final; training loses c on image 1, loses a and gains b on image 2.
    const refined = new Float32Array([0.95, 0.05, 0.1, /**/ 0.2, 0.8, 0.3, /**/ 0.2, 0.6, 0.1, /**/ 0.1, 0.45, 0.9]);
    const trained = withRefinedScores(data, { initial: new Float32Array(data.scores.final), refined });
    expect(galleryOrder(trained, { ...base, filter: 'refined-changed' })).toEqual([1, 2]);
    expect(galleryOrder(trained, { ...base, filter: 'refined-changed', classIndex: A })).toEqual([2]);
    expect(galleryOrder(trained, { ...base, filter: 'refined-changed', classIndex: B })).toEqual([2]);
    expect(galleryOrder(trained, { ...base, filter: 'refined-changed', classIndex: C })).toEqual([1]);
  });

  it('the class alone keeps the images it is a positive of or predicted on; the sort then orders them', () => {
    expect(galleryOrder(data, { ...base, classIndex: A })).toEqual([0, 2]);
    expect(galleryOrder(data, { ...base, classIndex: B })).toEqual([1, 2, 3]);
    // b's missed labels by b's score: 0.35 (image 3) before 0.3 (image 2).
    expect(galleryOrder(data, { ...base, filter: 'has-missed', classIndex: B, sort: 'score' })).toEqual([3, 2]);
    // Without ground truth only what is predicted counts.
    expect(passesFilter({ ...data, truth: null }, data.scores.final, 2, { ...base, classIndex: B })).toBe(false);
    expect(passesFilter({ ...data, truth: null }, data.scores.final, 1, { ...base, classIndex: B })).toBe(true);
  });
});
