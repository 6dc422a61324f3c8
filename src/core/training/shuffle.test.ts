import { describe, expect, it } from 'vitest';
import { epochOrder } from './shuffle';

describe('epochOrder', () => {
  it('is a permutation, fixed by (seed, epoch), and differs between epochs and seeds', () => {
    const order = epochOrder(50, 3, 1);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, k) => k));
    expect(epochOrder(50, 3, 1)).toEqual(order);
    expect(epochOrder(50, 3, 2)).not.toEqual(order);
    expect(epochOrder(50, 4, 1)).not.toEqual(order);
  });
});
