import { describe, expect, it } from 'vitest';
import { checkGrid, elementWorkgroups, workgroupGrid } from './dispatch';

describe('workgroupGrid', () => {
  it('keeps small grids one-dimensional', () => {
    expect(workgroupGrid(1)).toEqual([1, 1]);
    expect(workgroupGrid(65_535)).toEqual([65_535, 1]);
  });

  it('spreads grids over y beyond 65,535 workgroups, covering every one', () => {
    const [x, y] = workgroupGrid(65_536);
    expect([x, y]).toEqual([65_535, 2]);
    expect(x * y).toBeGreaterThanOrEqual(65_536);
    const [x2, y2] = workgroupGrid(1_000_000);
    expect(x2 * y2).toBeGreaterThanOrEqual(1_000_000);
    expect(x2 * (y2 - 1)).toBeLessThan(1_000_000);
  });

  it('dispatches nothing for no work and refuses impossible grids', () => {
    expect(workgroupGrid(0)).toEqual([0, 1]);
    expect(() => workgroupGrid(65_535 * 65_535 + 1)).toThrow(RangeError);
  });

  it('accepts explicit grids up to 65,535 per dimension', () => {
    expect(() => checkGrid(65_535, 65_535)).not.toThrow();
    expect(() => checkGrid(65_536, 1)).toThrow(RangeError);
    expect(() => checkGrid(1, 65_536)).toThrow(RangeError);
    expect(() => checkGrid(1.5, 1)).toThrow(RangeError);
  });

  it('gives element-wise kernels one 256-wide workgroup per 256 elements, rounded up', () => {
    expect([0, 1, 256, 257, 4773].map(elementWorkgroups)).toEqual([0, 1, 1, 2, 19]);
  });
});
