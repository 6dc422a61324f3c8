import { describe, expect, it } from 'vitest';
import { changedImages, stampsOf, type CurrentStamps } from './chunk-stamps';

const stored = [
  { id: 'a', size: 100, lastModified: 1_000 },
  { id: 'b', size: 200, lastModified: 2_000 },
  { id: 'c', size: 300, lastModified: 3_000 },
  { id: 'd', size: 400, lastModified: 4_000 },
];

describe('changedImages', () => {
  it('names the images whose size or time differs, or whose file is gone, in stored order', () => {
    const current: CurrentStamps = new Map([
      ['a', { size: 100, lastModified: 1_000 }], // same
      ['b', { size: 200, lastModified: 2_001 }], // touched
      ['c', { size: 301, lastModified: 3_000 }], // same time, other size
      ['d', null], // gone
    ]);
    expect(changedImages(stored, current)).toEqual(['b', 'c', 'd']);
  });

  it('takes an image not asked about, or stored without a stamp, as unchanged', () => {
    expect(changedImages(stored, new Map())).toEqual([]);
    expect(changedImages([], new Map([['a', { size: 1, lastModified: 1 }]]))).toEqual([]);
  });
});

describe('stampsOf', () => {
  it('keeps the ids with a known stamp, in the order given', () => {
    const current: CurrentStamps = new Map([
      ['y', { size: 5, lastModified: 50 }],
      ['x', { size: 7, lastModified: 70 }],
      ['z', null],
    ]);
    expect(stampsOf(['x', 'y', 'z', 'w'], current)).toEqual([
      { id: 'x', size: 7, lastModified: 70 },
      { id: 'y', size: 5, lastModified: 50 },
    ]);
  });
});
