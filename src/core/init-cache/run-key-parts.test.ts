import { describe, expect, it } from 'vitest';
import { joinRunKey } from './run-key';
import { runKeyFacts } from './run-key-parts';

describe('runKeyFacts', () => {
  it('reads back the split, model and grid joinRunKey wrote, escapes undone', () => {
    const key = joinRunKey('voc:0123456789ab', { split: 'val/2007', modelId: 'Xenova/clip-vit-base-patch32', preHash: 'deadbeef', grid: 3 });
    expect(runKeyFacts(key)).toEqual({ split: 'val/2007', modelId: 'Xenova/clip-vit-base-patch32', grid: 3 });
  });

  it('gives null for parts a key lacks', () => {
    expect(runKeyFacts('synthetic:abc')).toEqual({ split: null, modelId: null, grid: null });
    expect(runKeyFacts('voc:1/split:train/grid:x')).toEqual({ split: 'train', modelId: null, grid: null });
  });
});
