import { describe, expect, it } from 'vitest';
import { storedBytes } from './stored-bytes';

describe('storedBytes', () => {
  it('counts typed arrays by their bytes, strings by 2 per character, numbers by 8, keys too', () => {
    // 'w' (2) + 12 floats (48) + 'n' (2) + 8 + 's' (2) + 'ab' (4) + 'ys' (4) + [8, 8] (16)
    expect(storedBytes({ w: new Float32Array(12), n: 3, s: 'ab', ys: [1, 2] })).toBe(86);
  });

  it('counts a window of a buffer by the window only, and nested parameters whole', () => {
    const buffer = new Float32Array(100);
    expect(storedBytes(buffer.subarray(10, 20))).toBe(40);
    expect(storedBytes([new Float32Array(256), [new Float64Array(4)], new ArrayBuffer(7)])).toBe(1024 + 32 + 7);
  });
});
