import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { createMatrix } from '../types';
import { snippetExtremes } from './aggregate';
import { softmaxRows } from './similarity';
import { softmaxExtremes } from './softmax-extremes';

const sameBits = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((value, k) => Object.is(value, b[k]));

describe('α/β at a temperature, a block of images at a time', () => {
  // 11 images × 9 snippets × 7 classes of cosines in [-0.3, 0.5], ties included (every 5th value repeats).
  const random = seededRandom(3);
  const values = Float32Array.from({ length: 11 * 9 * 7 }, () => -0.3 + 0.8 * random());
  for (let k = 5; k < values.length; k += 5) values[k] = values[k - 1]!;
  const localCos = createMatrix(11 * 9, 7, values);

  it.each([
    [1, 100],
    [4, 100],
    [11, 1 / Math.log(100)],
    [1024, 100],
  ])('equals snippetExtremes over the whole softmax matrix, bit for bit (blocks of %i images, scale %f)', (block, scale) => {
    const whole = snippetExtremes(softmaxRows(localCos, scale).data, 11, 9, 7);
    const blocked = softmaxExtremes(localCos, 9, scale, block);
    expect(sameBits(blocked.alpha.data, whole.alpha.data)).toBe(true);
    expect(sameBits(blocked.beta.data, whole.beta.data)).toBe(true);
    expect(blocked.alpha.rows).toBe(11);
  });

  it('refuses rows that are not whole images', () => {
    expect(() => softmaxExtremes(createMatrix(10, 2), 4, 100)).toThrow('10 snippet rows are not a multiple of 4 snippets');
  });
});
