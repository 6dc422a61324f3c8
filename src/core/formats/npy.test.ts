import { describe, expect, it } from 'vitest';
import npyjs from 'npyjs';
import { DataError } from '../data-error';
import { decodeNpy, encodeNpy } from './npy';

/** npyjs is an independent, standard .npy reader: what we write must be what it reads. */
function readWithNpyjs(bytes: Uint8Array): { shape: number[]; data: ArrayLike<number>; dtype: string } {
  const reader = new npyjs();
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return reader.parse(buffer) as unknown as { shape: number[]; data: ArrayLike<number>; dtype: string };
}

describe('.npy', () => {
  const values = Float32Array.from({ length: 2 * 3 * 4 }, (_, i) => i / 7 - 1);

  it('is read by a standard reader with the right dtype, shape and values', () => {
    const bytes = encodeNpy(values, [2, 3, 4]);
    const parsed = readWithNpyjs(bytes);
    expect(parsed.dtype).toBe('f4');
    expect(parsed.shape).toEqual([2, 3, 4]);
    expect(Array.from(parsed.data)).toEqual(Array.from(values));
  });

  it('writes byte for byte the header numpy 1.24 writes (np.save of float32 zeros)', () => {
    // From /usr/bin/python3: np.save(b, np.zeros((20,), '<f4')) → 128-byte header, length field 0x76.
    const numpyHeader = (shape: string) =>
      `\x93NUMPY\x01\x00v\x00{'descr': '<f4', 'fortran_order': False, 'shape': ${shape}, }`.padEnd(127, ' ') + '\n';
    const header = (bytes: Uint8Array) => String.fromCharCode(...bytes.subarray(0, 128));
    expect(header(encodeNpy(new Float32Array(20), [20]))).toBe(numpyHeader('(20,)'));
    expect(header(encodeNpy(new Float32Array(24), [2, 3, 4]))).toBe(numpyHeader('(2, 3, 4)'));
  });

  it('round-trips, including an empty [0, 512] array', () => {
    expect(decodeNpy(encodeNpy(values, [6, 4]), 'a.npy')).toEqual({ shape: [6, 4], data: values });
    expect(decodeNpy(encodeNpy(new Float32Array(0), [0, 512]), 'b.npy').shape).toEqual([0, 512]);
  });

  it('rejects bad files with a message naming the file', () => {
    const good = encodeNpy(values, [24]);
    expect(() => decodeNpy(new Uint8Array([1, 2, 3]), 'x.npy')).toThrow(DataError);
    expect(() => decodeNpy(new Uint8Array([1, 2, 3]), 'x.npy')).toThrow(/x\.npy: not a \.npy file/);
    expect(() => decodeNpy(good.subarray(0, good.length - 4), 'cut.npy')).toThrow(
      /cut\.npy: has 92 data bytes, expected 96 for shape \[24\] \(truncated\?\)/,
    );
    const float64 = good.slice();
    float64.set([...'<f8'].map((ch) => ch.charCodeAt(0)), 21);
    expect(() => decodeNpy(float64, 'f8.npy')).toThrow(/f8\.npy: holds dtype '<f8', expected little-endian float32/);
  });

  it('refuses a shape that does not match the data it is given', () => {
    expect(() => encodeNpy(values, [5, 5])).toThrow(/shape \[5, 5\] holds 25 values, data has 24/);
  });
});
