import { describe, expect, it } from 'vitest';
import { createMatrix } from '../types';
import { l2NormalizeRows } from './normalize-features';

describe('l2NormalizeRows', () => {
  it('scales each row to unit length and keeps zero rows zero', () => {
    const out = l2NormalizeRows(createMatrix(2, 2, Float32Array.of(3, 4, 0, 0)));
    expect(Array.from(out.data)).toEqual([Math.fround(0.6), Math.fround(0.8), 0, 0]);
  });
});
