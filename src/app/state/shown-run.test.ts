import { describe, expect, it } from 'vitest';
import type { DatasetRef, RunRequest } from '../../worker/protocol/pipeline-protocol';
import { datasetChoiceOf } from './dataset-choice';
import { DEFAULT_SELECTION, DEMO_DATASET, TRAINING_DEMO_DATASET, catalogModel, type Selection } from './selection';
import { formatTitle, selectionTitle, shownRunMatches, shownRunTitle, type ShownRun } from './shown-run';

const folder: DatasetRef = { kind: 'files', list: { id: 'folder-1', paths: [] }, label: 'voc-mini (100 files)' };

/** The request a selection starts (as run-actions.ts's currentRunRequest builds it from the store). */
function currentRequestOf(selection: Selection): RunRequest {
  const { dataset, split, datasetForm, limit, model, grid, provider, promptChoice } = selection;
  const { template, classNames } = promptChoice;
  return { dataset, split, ...datasetChoiceOf(datasetForm), limit, model, grid, promptTemplate: template, classNames, preferredProvider: provider, chunkSize: 8 };
}
const computed = (selection: Selection): ShownRun => ({ kind: 'computed', request: currentRequestOf(selection) });

describe('the title line of a view', () => {
  it('names a computed run: dataset · split (first N) · model · grid · the backend that ran it', () => {
    const shown = computed({ ...DEFAULT_SELECTION, limit: 8, provider: 'webgpu' });
    expect(formatTitle(shownRunTitle(shown))).toBe('Demo dataset (built in) · val (first 8) · demo-clip · 3×3 · WebGPU');
    // The worker's word wins: the split it read, the backend it fell back to.
    expect(formatTitle(shownRunTitle(shown, { split: 'val', provider: 'wasm' }))).toBe('Demo dataset (built in) · val (first 8) · demo-clip · 3×3 · WebAssembly');
    const everyImage = computed({ ...DEFAULT_SELECTION, dataset: folder, split: null, model: catalogModel('tiny-vit', 'fp16'), grid: 2, provider: 'webgpu' });
    expect(formatTitle(shownRunTitle(everyImage, { split: null }))).toBe('voc-mini (100 files) · all images · tiny-vit (fp16) · 2×2 · WebGPU');
  });

  it('names a reference cache by its own model and grid, and a cache folder by its manifest once open', () => {
    const cache: ShownRun = { kind: 'reference-cache', dataset: folder, split: 'train', clip: 'RN50x64', grid: 3 };
    expect(formatTitle(shownRunTitle(cache))).toBe('voc-mini (100 files) · train · RN50x64 · 3×3 · reference cache (scores as stored)');
    const opened: ShownRun = { kind: 'cache-folder', dataset: folder, model: catalogModel('demo-clip') };
    expect(formatTitle(shownRunTitle(opened))).toBe("voc-mini (100 files) · the cache's split · the cache's model · the cache's grid · cache folder");
    expect(formatTitle(shownRunTitle(opened, { split: 'val', cacheFolder: { modelId: 'tiny-vit', grid: 2, label: 'cache-out' } }))).toBe(
      'voc-mini (100 files) · val · tiny-vit · 2×2 · cache folder cache-out',
    );
  });

  it('says the selection in the same words', () => {
    expect(formatTitle(selectionTitle({ ...DEFAULT_SELECTION, dataset: folder, split: null, provider: 'wasm' }))).toBe('voc-mini (100 files) · all images · demo-clip · 3×3 · WebAssembly');
  });
});

describe('whether the shown run is the selected one', () => {
  const demo = computed(DEFAULT_SELECTION);

  it('matches its own selection, whatever the backend or prompts', () => {
    expect(shownRunMatches(demo, DEFAULT_SELECTION)).toBe(true);
    expect(shownRunMatches(demo, { ...DEFAULT_SELECTION, provider: 'wasm', promptChoice: { template: 'a {name}', classNames: {} } })).toBe(true);
  });

  it('does not match another folder, split, first-N, grid, model, format or typed class list', () => {
    const others: Partial<Selection>[] = [
      { dataset: folder, split: null },
      { dataset: TRAINING_DEMO_DATASET },
      { split: 'train' },
      { limit: 8 },
      { grid: 4 },
      { model: catalogModel('tiny-vit') },
      { model: catalogModel('demo-clip', 'fp16') },
      { datasetForm: { ...DEFAULT_SELECTION.datasetForm, format: 'folder' } },
      { datasetForm: { ...DEFAULT_SELECTION.datasetForm, classList: 'cat\ndog' } },
    ];
    for (const patch of others) expect(shownRunMatches(demo, { ...DEFAULT_SELECTION, ...patch }), JSON.stringify(Object.keys(patch))).toBe(false);
  });

  it('knows a folder by its URL or, after a reload, its handle’s name; a request journalled before the form existed reads as the defaults', () => {
    const sameUrl: DatasetRef = { ...DEMO_DATASET };
    expect(shownRunMatches(demo, { ...DEFAULT_SELECTION, dataset: sameUrl })).toBe(true);
    const handle = (label: string): DatasetRef => ({ kind: 'directory', handle: {} as FileSystemDirectoryHandle, label });
    const onDisk = computed({ ...DEFAULT_SELECTION, dataset: handle('VOC2012') });
    expect(shownRunMatches(onDisk, { ...DEFAULT_SELECTION, dataset: handle('VOC2012') })).toBe(true);
    expect(shownRunMatches(onDisk, { ...DEFAULT_SELECTION, dataset: handle('VOC2007') })).toBe(false);
    const { format: _format, crowd: _crowd, classes: _classes, ...old } = currentRequestOf(DEFAULT_SELECTION);
    expect(shownRunMatches({ kind: 'computed', request: old as RunRequest }, DEFAULT_SELECTION)).toBe(true);
  });

  it('asks of a reference cache only its folder and split, of a cache folder only its folder', () => {
    const cache: ShownRun = { kind: 'reference-cache', dataset: DEMO_DATASET, split: 'val', clip: 'RN50x64', grid: 5 };
    expect(shownRunMatches(cache, { ...DEFAULT_SELECTION, model: catalogModel('tiny-vit'), grid: 1, limit: 8 })).toBe(true);
    expect(shownRunMatches(cache, { ...DEFAULT_SELECTION, split: 'train' })).toBe(false);
    const opened: ShownRun = { kind: 'cache-folder', dataset: DEMO_DATASET, model: catalogModel('demo-clip') };
    expect(shownRunMatches(opened, { ...DEFAULT_SELECTION, split: 'train', grid: 2 })).toBe(true);
    expect(shownRunMatches(opened, { ...DEFAULT_SELECTION, dataset: folder })).toBe(false);
  });
});
