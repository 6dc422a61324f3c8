import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

describe('formatBytes', () => {
  it.each([
    [640, '640 B'],
    [1536, '1.5 kB'],
    [3840, '3.8 kB'],
    [3_200_000, '3.2 MB'],
    [1_310_000_000, '1.31 GB'],
  ])('%d bytes read %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
