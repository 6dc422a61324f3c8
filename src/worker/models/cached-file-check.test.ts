import { describe, expect, it } from 'vitest';
import { cachedFileDamage, recordedBytesOf, RECORDED_BYTES_HEADER, type CachedFileSizes } from './cached-file-check';

const file = (sizes: Partial<CachedFileSizes>): CachedFileSizes => ({
  path: 'onnx/vision_model.onnx',
  foundBytes: 1_000,
  recordedBytes: null,
  catalogBytes: 1_000,
  catalogExact: true,
  ...sizes,
});

describe('cached model file check', () => {
  it('trusts the size recorded when the file was stored over the catalog', () => {
    expect(cachedFileDamage(file({ foundBytes: 1_236_235, recordedBytes: 1_236_235, catalogBytes: 7 }))).toBeNull();
    expect(cachedFileDamage(file({ foundBytes: 618_117, recordedBytes: 1_236_235, catalogBytes: 618_117 }))).toBe(
      '1,236,235 bytes expected as downloaded, 618,117 found',
    );
    // Longer than downloaded is damaged too (a disk error, or another file written over it).
    expect(cachedFileDamage(file({ foundBytes: 1_001, recordedBytes: 1_000 }))).toBe('1,000 bytes expected as downloaded, 1,001 found');
  });

  it('without a recorded size, an exact catalog size must match to the byte', () => {
    expect(cachedFileDamage(file({ foundBytes: 3_244, catalogBytes: 3_244 }))).toBeNull();
    expect(cachedFileDamage(file({ foundBytes: 3_243, catalogBytes: 3_244 }))).toBe(
      '3,244 bytes expected by the model catalog, 3,243 found',
    );
  });

  it('an approximate catalog size refuses only what no estimate is off by: under half of it', () => {
    const approx = { catalogBytes: 352_000_000, catalogExact: false };
    expect(cachedFileDamage(file({ ...approx, foundBytes: 351_512_345 }))).toBeNull();
    expect(cachedFileDamage(file({ ...approx, foundBytes: 176_000_000 }))).toBeNull();
    expect(cachedFileDamage(file({ ...approx, foundBytes: 175_999_999 }))).toBe(
      '175,999,999 bytes found, where the model catalog expects about 352,000,000 bytes',
    );
    expect(cachedFileDamage(file({ ...approx, foundBytes: 0 }))).not.toBeNull();
  });

  it('reads the recorded size only when it is a byte count', () => {
    expect(recordedBytesOf(new Headers({ [RECORDED_BYTES_HEADER]: '1236235' }))).toBe(1_236_235);
    expect(recordedBytesOf(new Headers({ [RECORDED_BYTES_HEADER]: ' 0 ' }))).toBe(0);
    expect(recordedBytesOf(new Headers({ [RECORDED_BYTES_HEADER]: '12.5' }))).toBeNull();
    expect(recordedBytesOf(new Headers({ [RECORDED_BYTES_HEADER]: '-3' }))).toBeNull();
    expect(recordedBytesOf(new Headers({ 'Content-Type': 'application/octet-stream' }))).toBeNull();
  });
});
