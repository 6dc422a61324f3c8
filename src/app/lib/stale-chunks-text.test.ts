import { describe, expect, it } from 'vitest';
import { staleChunksText } from './stale-chunks-text';

describe('staleChunksText', () => {
  it('names the one changed image and its chunk', () => {
    expect(staleChunksText({ type: 'stale-chunks', reason: 'changed', chunks: 1, images: 8, changed: 1, files: ['JPEGImages/a.jpg'] })).toBe(
      '1 image changed since it was encoded (JPEGImages/a.jpg): 1 chunk (8 images) encoded again, the other chunks come from the browser cache.',
    );
  });

  it('counts the changed files it does not name', () => {
    const text = staleChunksText({ type: 'stale-chunks', reason: 'changed', chunks: 2, images: 16, changed: 22, files: ['a.jpg', 'b.jpg'] });
    expect(text).toBe('22 images changed since they were encoded (a.jpg, b.jpg and 20 more): 2 chunks (16 images) encoded again, the other chunks come from the browser cache.');
  });

  it('says which stored chunks the storage lost', () => {
    expect(staleChunksText({ type: 'stale-chunks', reason: 'missing', chunks: 3, images: 24, changed: 0, files: [] })).toBe(
      "3 chunks (24 images) this run had stored were gone from the browser's storage (cleared or evicted): encoded again, the rest kept.",
    );
  });
});
