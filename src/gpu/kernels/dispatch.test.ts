import { describe, expect, it } from 'vitest';
import { workgroupGrid } from './dispatch';

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
});
