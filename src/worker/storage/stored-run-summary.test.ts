import { describe, expect, it } from 'vitest';
import type { RunRecord } from './run-records';
import { summarizeStoredRun } from './stored-run-summary';

/** A run of 10 images in chunks of 4 (chunks 0, 1, 2 of 4, 4, 2 images). */
function run(finishedChunks: number[], skipped: number, datasetLabel?: string): RunRecord {
  const ids = Array.from({ length: 10 }, (_, i) => `img${i}`);
  return {
    key: 'voc:3f2a9c01b7de/split:val/model:demo-clip/pre:5e0c1a7b/grid:2',
    meta: { ids, classes: ['cat'], promptTemplate: '{}', prompts: ['cat'], model: { id: 'demo-clip', inputSize: 32, logitScale: 100, embedDim: 8 }, preprocessing: { resize: 'shortest-edge-bicubic', mean: [0, 0, 0], std: [1, 1, 1] }, grid: 2, dataset: { split: 'val', totalImages: 10 } },
    chunkSize: 4,
    totalChunks: 3,
    createdAt: 1,
    ...(datasetLabel ? { datasetLabel } : {}),
    finishedChunks,
    skipped: Array.from({ length: skipped }, (_, i) => ({ id: `img${i}`, reason: 'cut' })),
    bytes: 1234,
    updatedAt: 2,
  };
}

describe('summarizeStoredRun: what the storage panel lists', () => {
  it('a finished run: every image but the skipped, its name, split, model, grid and bytes', () => {
    expect(summarizeStoredRun(run([0, 1, 2], 1, 'Demo dataset (built in)'))).toEqual({
      key: 'voc:3f2a9c01b7de/split:val/model:demo-clip/pre:5e0c1a7b/grid:2',
      dataset: 'Demo dataset (built in)',
      split: 'val',
      modelId: 'demo-clip',
      grid: 2,
      images: 9,
      totalImages: 10,
      complete: true,
      bytes: 1234,
      updatedAt: 2,
    });
  });

  it('an unfinished run counts the images of its stored chunks (the short last one too)', () => {
    expect(summarizeStoredRun(run([0, 2], 0))).toMatchObject({ images: 6, totalImages: 10, complete: false });
  });

  it('a run stored before names were kept is named by its key', () => {
    expect(summarizeStoredRun(run([0], 0)).dataset).toBe('dataset 3f2a9c01b7de');
    expect(summarizeStoredRun({ ...run([0], 0), key: 'cdul-cache:ab12/split:val/model:m/pre:1/grid:1' })).toMatchObject({ dataset: 'a cdul cache folder', modelId: 'm', grid: 1 });
  });
});
