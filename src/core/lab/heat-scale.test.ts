import { describe, expect, it } from 'vitest';
import { argmax, classColumn, heatColor, heatDomain, heatRgb, inDomain, stepInOrder } from './heat-scale';

describe('heat colour scale', () => {
  it('maps 0, ½ and 1 to the stops, interpolates linearly and clamps', () => {
    expect(heatRgb(0)).toEqual([68, 1, 84]);
    expect(heatRgb(0.5)).toEqual([33, 145, 140]);
    expect(heatRgb(1)).toEqual([253, 231, 37]);
    // 0.125 is halfway between stops 0 and 1: (68+59)/2 = 63.5 → 64, (1+82)/2 = 41.5 → 42, (84+139)/2 = 111.5 → 112.
    expect(heatRgb(0.125)).toEqual([64, 42, 112]);
    expect(heatRgb(-3)).toEqual(heatRgb(0));
    expect(heatRgb(7)).toEqual(heatRgb(1));
    expect(heatColor(Number.NaN)).toBe('rgb(68, 1, 84)');
  });
});

describe('helpers', () => {
  it('argmax takes the first of ties', () => {
    expect(argmax([0.1, 0.7, 0.7, 0.2])).toBe(1);
    expect(argmax([])).toBe(-1);
  });

  it('takes one class column of a row-major matrix', () => {
    expect(classColumn([1, 2, 3, 4, 5, 6], 3, 1)).toEqual([2, 5]);
  });

  it('steps through the gallery order, wrapping', () => {
    expect(stepInOrder([4, 2, 9], 2, 1)).toBe(9);
    expect(stepInOrder([4, 2, 9], 9, 1)).toBe(4);
    expect(stepInOrder([4, 2, 9], 4, -1)).toBe(9);
    expect(stepInOrder([4, 2, 9], 7, 1)).toBe(4);
    expect(stepInOrder([], 7, 1)).toBeNull();
  });
});

describe('heat domain', () => {
  it('is [0, 1] unless stretched to the values’ own range', () => {
    expect(heatDomain([0.04, 0.06, 0.05], false)).toEqual({ min: 0, max: 1 });
    const stretched = heatDomain([0.04, 0.06, 0.05], true);
    expect(stretched).toEqual({ min: 0.04, max: 0.06 });
    expect(inDomain(0.05, stretched)).toBeCloseTo(0.5, 9);
    expect(inDomain(0.06, stretched)).toBe(1);
    expect(inDomain(0.5, { min: 0, max: 1 })).toBe(0.5);
    expect(inDomain(2, { min: 0, max: 1 })).toBe(1);
  });

  it('a constant column does not divide by zero', () => {
    const flat = heatDomain([0.05, 0.05], true);
    expect(inDomain(0.05, flat)).toBe(0);
    expect(heatDomain([], true)).toEqual({ min: 0, max: 1 });
  });
});
