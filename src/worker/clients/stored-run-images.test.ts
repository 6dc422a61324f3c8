import { describe, expect, it } from 'vitest';
import { ALL_IMAGES } from '../../core/voc';
import type { RunRecord } from '../storage/embedding-store';
import { storedImagesOf, type StoppedRun } from './stored-run-images';

/** A stored run of `total` images in chunks of 8, with the chunks listed finished. */
function run(overrides: { key: string; total?: number; finished: number[]; updatedAt: number; label?: string; split?: string; grid?: number; skipped?: number }): RunRecord {
  const total = overrides.total ?? 50;
  const ids = Array.from({ length: total }, (_, i) => `img${i}`);
  return {
    key: overrides.key,
    meta: {
      ids,
      classes: ['cat'],
      promptTemplate: 'a photo of a {}.',
      prompts: ['a photo of a cat.'],
      model: { id: 'demo-clip', inputSize: 32, logitScale: 100, embedDim: 16 },
      preprocessing: { resize: 'shortest-edge-bicubic', mean: [0, 0, 0], std: [1, 1, 1] },
      grid: overrides.grid ?? 2,
      dataset: { split: overrides.split ?? 'val', totalImages: total },
    },
    chunkSize: 8,
    totalChunks: Math.ceil(total / 8),
    createdAt: 0,
    ...(overrides.label === undefined ? { datasetLabel: 'Demo dataset (built in)' } : overrides.label === '' ? {} : { datasetLabel: overrides.label }),
    finishedChunks: overrides.finished,
    skipped: Array.from({ length: overrides.skipped ?? 0 }, (_, i) => ({ id: `img${i}`, reason: 'unreadable' })),
    bytes: 0,
    updatedAt: overrides.updatedAt,
  } as RunRecord;
}

const stopped: StoppedRun = { datasetLabel: 'Demo dataset (built in)', split: 'val', modelId: 'demo-clip', grid: 2, totalImages: 50 };

describe('the images a stopped run has stored', () => {
  it('counts the finished chunks of the matching run, the short last chunk by its size', () => {
    // Chunks 0, 1 and 6 (the last: images 48 and 49) → 8 + 8 + 2.
    expect(storedImagesOf([run({ key: 'a', finished: [0, 1, 6], updatedAt: 5, skipped: 1 })], stopped)).toEqual({ images: 18, skipped: 1 });
  });

  it('of several matching runs takes the one written last; another label, split, grid or size never matches', () => {
    const runs = [
      run({ key: 'old', finished: [0], updatedAt: 1 }),
      run({ key: 'now', finished: [0, 1, 2], updatedAt: 9 }),
      run({ key: 'other-folder', finished: [0, 1, 2, 3, 4], updatedAt: 20, label: 'photos' }),
      run({ key: 'other-split', finished: [0, 1, 2, 3, 4], updatedAt: 20, split: 'train' }),
      run({ key: 'other-grid', finished: [0, 1, 2, 3, 4], updatedAt: 20, grid: 3 }),
      run({ key: 'other-size', finished: [0, 1, 2, 3, 4], total: 200, updatedAt: 20 }),
    ];
    expect(storedImagesOf(runs, stopped)).toEqual({ images: 24, skipped: 0 });
  });

  it('matches a run stored before labels were kept, every annotated image by its split name, and nothing stored as null', () => {
    expect(storedImagesOf([run({ key: 'a', finished: [0], updatedAt: 1, label: '' })], stopped)).toEqual({ images: 8, skipped: 0 });
    const all = run({ key: 'all', finished: [0, 1], updatedAt: 1, split: ALL_IMAGES });
    expect(storedImagesOf([all], { ...stopped, split: null })).toEqual({ images: 16, skipped: 0 });
    expect(storedImagesOf([], stopped)).toBeNull();
  });
});
