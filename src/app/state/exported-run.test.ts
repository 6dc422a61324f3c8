import { describe, expect, it } from 'vitest';
import type { DatasetRef, RunRequest } from '../../worker/protocol/pipeline-protocol';
import { datasetShortName, exportedRunOf, trainingImagesRun } from './exported-run';

const demo: DatasetRef = { kind: 'http', url: '/demo/voc-demo/', label: 'Demo dataset (built in)' };
const request = { dataset: demo, split: 'val', limit: null, model: { kind: 'catalog', id: 'demo-clip', variant: 'fp32', baseUrl: null }, grid: 3 } as unknown as RunRequest;
const complete = { phase: 'complete' as const, dataset: null, cacheFolder: null };

describe('the run an export names', () => {
  it('is the run as it was started, with the split the worker read', () => {
    const shown = { kind: 'computed' as const, request };
    expect(exportedRunOf({ ...complete, shown })).toEqual({ datasetLabel: 'Demo dataset (built in)', dataset: 'voc-demo', split: null, limit: null, model: 'demo-clip', grid: 3 });
    expect(exportedRunOf({ ...complete, shown: { kind: 'computed', request: { ...request, limit: 50 } } })?.limit).toBe(50);
    const read = { images: 8, classes: [], promptNames: [], split: 'val', warnings: [], format: 'voc' as const, splits: ['val'], unlabelled: false };
    expect(exportedRunOf({ ...complete, shown, dataset: read })?.split).toBe('val');
    // A variant other than fp32 is part of the model's name; nothing while the run is not finished.
    const fp16 = { kind: 'computed' as const, request: { ...request, model: { kind: 'catalog', id: 'Xenova/clip-vit-base-patch32', variant: 'fp16', baseUrl: null } } as RunRequest };
    expect(exportedRunOf({ ...complete, shown: fp16 })?.model).toBe('Xenova/clip-vit-base-patch32-fp16');
    expect(exportedRunOf({ ...complete, phase: 'running', shown })).toBeNull();
  });

  it('takes a reference cache’s model and a cache folder’s model and grid, not the selection’s', () => {
    const reference = { kind: 'reference-cache' as const, dataset: demo, split: 'val', clip: 'RN50x64', grid: 3 };
    expect(exportedRunOf({ ...complete, shown: reference })).toMatchObject({ model: 'RN50x64', grid: 3 });
    const folder = { kind: 'cache-folder' as const, dataset: { kind: 'files', label: 'voc-mini (120 files)' } as DatasetRef, model: request.model };
    const cacheFolder = { label: 'cache', modelId: 'tiny-vit', grid: 2, imported: 0, promptsUnavailable: null };
    expect(exportedRunOf({ ...complete, shown: folder, cacheFolder })).toMatchObject({ dataset: 'voc-mini', model: 'tiny-vit', grid: 2 });
  });

  it('short dataset names: the demo’s folder, a folder without its file count', () => {
    expect(datasetShortName(demo)).toBe('voc-demo');
    expect(datasetShortName({ kind: 'files', label: 'VOC2007 (9963 files)' } as DatasetRef)).toBe('VOC2007');
  });

  it('a training run names the run it kept, or the one its key describes', () => {
    const source = { dataset: 'voc-demo', split: 'val', model: 'demo-clip', grid: 3 };
    expect(trainingImagesRun({ source, embeddingRunKey: 'x' })).toBe(source);
    expect(trainingImagesRun({ embeddingRunKey: 'voc:0123456789ab/split:train/model:tiny-vit/pre:00000000/grid:2' })).toEqual({ dataset: 'voc-0123456789ab', split: 'train', model: 'tiny-vit', grid: 2 });
  });
});
