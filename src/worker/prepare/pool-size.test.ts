import { describe, expect, it } from 'vitest';
import { CHUNKS_AHEAD, preparePoolSize } from './pool-size';

describe('preparePoolSize', () => {
  it('one worker per core up to the look-ahead window, at least one whatever the browser reports', () => {
    expect(preparePoolSize(1)).toBe(1);
    expect(preparePoolSize(2)).toBe(2);
    expect(preparePoolSize(16)).toBe(CHUNKS_AHEAD);
    expect(preparePoolSize(0)).toBe(1);
    expect(preparePoolSize(Number.NaN)).toBe(1);
  });
});
