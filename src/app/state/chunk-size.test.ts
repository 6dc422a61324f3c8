import { describe, expect, it } from 'vitest';
import { chunkSizeFrom, DEFAULT_CHUNK_SIZE } from './chunk-size';

describe('chunk size from the URL', () => {
  it('takes ?chunk=N for N in 1–256', () => {
    expect(chunkSizeFrom('?chunk=2')).toBe(2);
    expect(chunkSizeFrom('?e2e&chunk=256')).toBe(256);
  });

  it('keeps the default without it, or for anything that is not a whole number in range', () => {
    for (const search of ['', '?hub=x', '?chunk=', '?chunk=0', '?chunk=257', '?chunk=2.5', '?chunk=-1', '?chunk=1e1', '?chunk=two']) {
      expect(chunkSizeFrom(search)).toBe(DEFAULT_CHUNK_SIZE);
    }
  });
});
