import { describe, expect, it } from 'vitest';
import { createMatrix } from '../types';
import { gatherRows, heldOutSplit, scatterRows, scoreHeldOut } from './held-out';

describe('heldOutSplit', () => {
  it('holds out round(share · n) rows, disjoint from the trained ones, together all of them, the same for the same seed', () => {
    const split = heldOutSplit(200, 0.1, 3);
    expect(split.heldOutRows).toHaveLength(20);
    expect(split.trainRows).toHaveLength(180);
    const all = [...split.trainRows, ...split.heldOutRows].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 200 }, (_, k) => k));
    expect([...split.heldOutRows]).toEqual([...split.heldOutRows].sort((a, b) => a - b));
    expect(heldOutSplit(200, 0.1, 3)).toEqual(split);
    expect(heldOutSplit(200, 0.1, 4).heldOutRows).not.toEqual(split.heldOutRows);
  });

  it('share 0 holds out nothing; a tiny share one row; never every row', () => {
    expect(heldOutSplit(50, 0, 1)).toEqual({ trainRows: Uint32Array.from({ length: 50 }, (_, k) => k), heldOutRows: new Uint32Array(0) });
    expect(heldOutSplit(4, 0.1, 1).heldOutRows).toHaveLength(1);
    expect(heldOutSplit(2, 0.5, 1).trainRows).toHaveLength(1);
    expect(heldOutSplit(1, 0.5, 1).heldOutRows).toHaveLength(0);
  });
});

describe('scoreHeldOut', () => {
  it('KL by hand, and mAP against Y0 ≥ 0.5 ranked by the logits', () => {
    // Two images, two classes. Y0 = [[0.8, 0.1], [0.3, 0.6]]; logits [[2, -1], [0, 1]].
    const y0 = createMatrix(2, 2, Float32Array.of(0.8, 0.1, 0.3, 0.6));
    const logits = Float32Array.of(2, -1, 0, 1);
    const sigma = (s: number) => 1 / (1 + Math.exp(-s));
    const kl = (y: number, p: number) => y * Math.log(y / p) + (1 - y) * Math.log((1 - y) / (1 - p));
    const ys = [0.8, 0.1, 0.3, 0.6].map((y) => Math.fround(y));
    const expected = ys.reduce((sum, y, k) => sum + kl(y, sigma(logits[k]!)), 0) / 4;
    const score = scoreHeldOut(logits, y0, ['a', 'b']);
    expect(score.loss).toBeCloseTo(expected, 12);
    // Class a: positive image 0 (0.8), ranked first (2 > 0): AP 1. Class b: positive image 1 (0.6), ranked first (1 > −1): AP 1.
    expect(score.map).toBe(100);
    // Reversed logits rank each class's positive last: AP ½ per class.
    expect(scoreHeldOut(Float32Array.of(-2, 1, 0, -1), y0, ['a', 'b']).map).toBe(50);
  });

  it('no label reaches 0.5: no mAP, the KL still', () => {
    const score = scoreHeldOut(Float32Array.of(0, 0), createMatrix(1, 2, Float32Array.of(0.2, 0.3)), ['a', 'b']);
    expect(score.map).toBeNull();
    expect(score.loss).toBeGreaterThan(0);
  });
});

describe('gatherRows / scatterRows', () => {
  it('scatter undoes gather', () => {
    const data = Float32Array.from({ length: 12 }, (_, k) => k);
    const packed = gatherRows(data, 3, [3, 1]);
    expect([...packed]).toEqual([9, 10, 11, 3, 4, 5]);
    const into = new Float32Array(12);
    scatterRows(packed, 3, [3, 1], into);
    expect([...into]).toEqual([0, 0, 0, 3, 4, 5, 0, 0, 0, 9, 10, 11]);
  });
});
