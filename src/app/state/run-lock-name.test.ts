import { describe, expect, it } from 'vitest';
import type { RunRequest } from '../../worker/protocol/pipeline-protocol';
import { embeddingRunLockName, trainingRunLockName } from './run-lock-name';

const demo: RunRequest = {
  dataset: { kind: 'http', url: '/demo-dataset/', label: 'Demo dataset (built in)' },
  split: 'val',
  limit: 50,
  model: { kind: 'catalog', id: 'demo-clip', variant: 'fp32', baseUrl: null },
  grid: 2,
  promptTemplate: 'a photo of a {}.',
  preferredProvider: 'wasm',
  chunkSize: 8,
};

describe('embeddingRunLockName', () => {
  it('is the same for requests that write the same stored chunks (limit, prompts, backend, chunk size aside)', () => {
    const other: RunRequest = { ...demo, limit: null, promptTemplate: 'a {}', classNames: { cat: 'kitty' }, preferredProvider: 'webgpu', chunkSize: 16 };
    expect(embeddingRunLockName(other)).toBe(embeddingRunLockName(demo));
    expect(embeddingRunLockName(demo)).toBe('cdul-embedding-run:["http:/demo-dataset/","val","catalog:demo-clip:fp32",2]');
  });

  it('differs when the dataset, split, model, variant or grid differs', () => {
    const names = new Set([
      embeddingRunLockName(demo),
      embeddingRunLockName({ ...demo, dataset: { kind: 'http', url: '/other/', label: 'Demo dataset (built in)' } }),
      embeddingRunLockName({ ...demo, split: 'train' }),
      embeddingRunLockName({ ...demo, split: null }),
      embeddingRunLockName({ ...demo, model: { kind: 'catalog', id: 'tiny-vit', variant: 'fp32', baseUrl: null } }),
      embeddingRunLockName({ ...demo, model: { kind: 'catalog', id: 'demo-clip', variant: 'fp16', baseUrl: null } }),
      embeddingRunLockName({ ...demo, grid: 3 }),
    ]);
    expect(names.size).toBe(7);
  });

  it('cannot be forged by a label holding the separators', () => {
    const folder = (label: string): RunRequest => ({ ...demo, dataset: { kind: 'directory', handle: {} as FileSystemDirectoryHandle, label } });
    const a = embeddingRunLockName({ ...folder('a","val'), split: 'x' });
    const b = embeddingRunLockName({ ...folder('a'), split: 'val","x' });
    expect(a).not.toBe(b);
  });
});

describe('trainingRunLockName', () => {
  it('names one training run by its id', () => {
    expect(trainingRunLockName('m1abc-x2')).toBe('cdul-training-run:m1abc-x2');
    expect(trainingRunLockName('a')).not.toBe(trainingRunLockName('b'));
  });
});
