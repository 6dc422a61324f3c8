import { describe, expect, it } from 'vitest';
import { labelAgreement, labelSetChanges } from './label-agreement';

/*
 * Four images × four classes at cut 0.5 (a score of exactly 0.5 is predicted):
 *            A predicts      B predicts
 *   img0     cat, car        cat            (car 0.49 under B)
 *   img1     cat, dog        dog
 *   img2     dog             cat, dog, car
 *   img3     —               —
 * cow is predicted by neither side.
 */
const CLASSES = ['cat', 'dog', 'car', 'cow'];
const IDS = ['img0', 'img1', 'img2', 'img3'];
const A = new Float32Array([0.9, 0.1, 0.5, 0.0, 0.6, 0.7, 0.2, 0.1, 0.2, 0.8, 0.1, 0.2, 0.4, 0.3, 0.0, 0.4]);
const B = new Float32Array([0.8, 0.2, 0.49, 0.1, 0.3, 0.9, 0.1, 0.2, 0.7, 0.6, 0.9, 0.3, 0.1, 0.2, 0.3, 0.1]);

describe('labelAgreement', () => {
  const agreement = labelAgreement(CLASSES, A, B, 0.5);
  it('gives each class its positives under A and B, the overlap and the Jaccard index', () => {
    const rows = agreement.perClass.map(({ className, positivesA, positivesB, both, either, jaccard }) => [className, positivesA, positivesB, both, either, jaccard]);
    expect(rows).toEqual([
      ['cat', 2, 2, 1, 3, 1 / 3], // A {0,1}, B {0,2}
      ['dog', 2, 2, 2, 2, 1], // both {1,2}
      ['car', 1, 1, 0, 2, 0], // A {0}, B {2}
      ['cow', 0, 0, 0, 0, null], // nothing to agree on
    ]);
  });
  it('averages the Jaccard indices that exist, leaving classes without any positive out', () => {
    expect(agreement.meanJaccard).toBeCloseTo((1 / 3 + 1 + 0) / 3, 12);
    expect(agreement.classesWithoutPositives).toBe(1);
  });
  it('counts positives at the cut, a score equal to it included', () => {
    const high = labelAgreement(CLASSES, A, B, 0.85);
    expect(high.perClass.map((row) => [row.positivesA, row.positivesB])).toEqual([
      [1, 0],
      [0, 1],
      [0, 1],
      [0, 0],
    ]);
    expect(labelAgreement(CLASSES, A, B, 0.5).perClass[2]!.positivesA).toBe(1); // img0's car is exactly 0.5
  });
  it('is symmetric, and 1 for identical settings', () => {
    expect(labelAgreement(CLASSES, B, A, 0.5).perClass.map((row) => row.jaccard)).toEqual(agreement.perClass.map((row) => row.jaccard));
    const same = labelAgreement(CLASSES, A, A, 0.5);
    expect(same.meanJaccard).toBe(1);
    expect(same.perClass.map((row) => row.jaccard)).toEqual([1, 1, 1, null]);
  });
  it('has no mean when no class is predicted anywhere', () => {
    const none = labelAgreement(CLASSES, A, B, 0.95);
    expect(none.meanJaccard).toBeNull();
    expect(none.classesWithoutPositives).toBe(4);
  });
  it('refuses A and B of different shapes', () => {
    expect(() => labelAgreement(CLASSES, A, B.subarray(4), 0.5)).toThrow(/scores for A and B/);
  });
});

describe('labelSetChanges', () => {
  it('lists the images whose predicted labels differ, most flips first, with the classes gained and lost', () => {
    const changes = labelSetChanges(IDS, CLASSES, A, B, 0.5, 10);
    expect(changes.count).toBe(3);
    expect(changes.images).toBe(4);
    expect(changes.shown).toEqual([
      { row: 2, id: 'img2', gained: ['cat', 'car'], lost: [] },
      { row: 0, id: 'img0', gained: [], lost: ['car'] },
      { row: 1, id: 'img1', gained: [], lost: ['cat'] },
    ]);
  });
  it('counts every changed image but shows at most `limit`', () => {
    const changes = labelSetChanges(IDS, CLASSES, A, B, 0.5, 2);
    expect(changes.count).toBe(3);
    expect(changes.shown.map((change) => change.id)).toEqual(['img2', 'img0']);
  });
  it('finds nothing between a setting and itself', () => {
    expect(labelSetChanges(IDS, CLASSES, A, A, 0.5, 10)).toEqual({ count: 0, images: 4, shown: [] });
  });
});
