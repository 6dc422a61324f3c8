import { describe, expect, it } from 'vitest';
import type { EmbeddingStore, RunRecord } from '../storage/embedding-store';
import { cachedGrids, runKeyWithGrid } from './other-grid';

const KEY = 'voc:3f2a9c01b7de/split:val/model:demo-clip/pre:5e0c1a7b/grid:3';
const run = (key: string, finished: number, total: number) => ({ key, finishedChunks: Array.from({ length: finished }, (_, k) => k), totalChunks: total }) as unknown as RunRecord;

describe('runs of the same images under other grids', () => {
  it('swaps only the grid of a run key, and refuses keys that are not runs', () => {
    expect(runKeyWithGrid(KEY, 5)).toBe('voc:3f2a9c01b7de/split:val/model:demo-clip/pre:5e0c1a7b/grid:5');
    expect(() => runKeyWithGrid('reference-cache:clip_cache/model_RN50x64', 2)).toThrow('is not a run of this lab');
  });

  it('lists the finished runs of the same dataset, split, model and preprocessing only', async () => {
    const runs = [
      run(KEY, 7, 7),
      run(KEY.replace('grid:3', 'grid:1'), 7, 7),
      run(KEY.replace('grid:3', 'grid:2'), 3, 7), // unfinished
      run(KEY.replace('split:val', 'split:train').replace('grid:3', 'grid:4'), 7, 7), // another split
      run(KEY.replace('model:demo-clip', 'model:tiny-vit').replace('grid:3', 'grid:5'), 7, 7), // another model
    ];
    const store = { listRuns: async () => runs } as unknown as EmbeddingStore;
    expect(await cachedGrids(store, KEY)).toEqual([1, 3]);
  });
});
