import { describe, expect, it } from 'vitest';
import { memorySource } from '../../core/datasets/__fixtures__/memory-source';
import { evaluatePseudoLabels } from '../../core/evaluation/evaluate-pseudo-labels';
import { selectRows } from '../../core/evaluation/select-rows';
import { encodeNpy } from '../../core/formats/npy';
import { CACHE_FILES, type CacheManifest } from '../../core/init-cache/cache-manifest';
import { cacheFolderRunKey, planCacheImport } from '../../core/init-cache/cache-import';
import { readInitCache } from '../../core/init-cache/read-init-cache';
import { cosineSimilarities, softmaxRows } from '../../core/cdul/similarity';
import { seededRandom } from '../../core/seeded-random';
import { createMatrix, type LabelMatrix } from '../../core/types';
import type { EmbeddingStore, RunRecord, StoredChunk } from '../storage/embedding-store';
import { importCacheFolder } from './cache-folder-import';
import { openCacheFolder } from './cache-folder-source';
import { storedChunks } from './embedding-chunks';
import { createRunControl } from './run-control';
import { assembleSimilarityState, evaluateState } from './similarity-state';

const N = 11;
const GRID = 2;
const SNIPPETS = GRID * GRID;
const D = 8;
const CLASSES = ['cat', 'dog', 'car'];
const ids = Array.from({ length: N }, (_, i) => `img${i}`);

/** A `cdul cache` folder as the CLI writes it (finalize-cache.ts), of seeded random embeddings, under `cache/`. */
function cacheFiles(over: Partial<CacheManifest> = {}): Record<string, Uint8Array | string> {
  const random = seededRandom(5);
  const values = (count: number) => Float32Array.from({ length: count }, () => random() * 2 - 1);
  const globalEmbeds = createMatrix(N, D, values(N * D));
  const localEmbeds = createMatrix(N * SNIPPETS, D, values(N * SNIPPETS * D));
  const text = createMatrix(CLASSES.length, D, values(CLASSES.length * D));
  const manifest: CacheManifest = {
    format: 'cdul-init-cache', version: 1, ids, classes: CLASSES, promptTemplate: 'a photo of a {name}',
    prompts: CLASSES.map((c) => `a photo of a ${c}`), model: { id: 'm', inputSize: 224, logitScale: 100, embedDim: D },
    preprocessing: { resize: 'shortest-edge-bicubic', mean: [0, 0, 0], std: [1, 1, 1] }, grid: GRID,
    dataset: { split: 'train', totalImages: N }, skipped: [], ...over,
  };
  return {
    'cache/manifest.json': JSON.stringify(manifest),
    [`cache/${CACHE_FILES.globalEmbeds}`]: encodeNpy(globalEmbeds.data, [N, D]),
    [`cache/${CACHE_FILES.localEmbeds}`]: encodeNpy(localEmbeds.data, [N, SNIPPETS, D]),
    [`cache/${CACHE_FILES.textEmbeds}`]: encodeNpy(text.data, [CLASSES.length, D]),
    [`cache/${CACHE_FILES.global}`]: encodeNpy(softmaxRows(cosineSimilarities(globalEmbeds, text), 100).data, [N, CLASSES.length]),
    [`cache/${CACHE_FILES.local}`]: encodeNpy(softmaxRows(cosineSimilarities(localEmbeds, text), 100).data, [N, SNIPPETS, CLASSES.length]),
  };
}

/** The embedding store's contract in memory: runs, their chunks and progress; counts chunk writes. */
function memoryStore(): EmbeddingStore & { writes: number } {
  const runs = new Map<string, RunRecord>();
  const chunks = new Map<string, StoredChunk>();
  const store = {
    writes: 0,
    async openRun(key: string, meta: RunRecord['meta'], chunkSize: number) {
      const run = runs.get(key) ?? { key, meta, chunkSize, totalChunks: Math.ceil(meta.ids.length / chunkSize), createdAt: 0, finishedChunks: [], skipped: [], bytes: 0, updatedAt: 0 };
      runs.set(key, run);
      return run;
    },
    getRun: async (key: string) => runs.get(key),
    async writeChunk(key: string, index: number, chunk: { ids: readonly string[]; embeddings: Float32Array }) {
      store.writes++;
      const run = runs.get(key)!;
      chunks.set(`${key}#${index}`, { index, ids: [...chunk.ids], skipped: [], shape: [chunk.ids.length, 1 + SNIPPETS, D], embeddings: chunk.embeddings.slice() });
      const next = { ...run, finishedChunks: [...new Set([...run.finishedChunks, index])].sort((a, b) => a - b) };
      runs.set(key, next);
      return next;
    },
    readChunk: async (key: string, index: number) => chunks.get(`${key}#${index}`)!,
    finishedChunks: async (key: string) => runs.get(key)?.finishedChunks ?? [],
  };
  return store as unknown as EmbeddingStore & { writes: number };
}

/** Ground truth for the dataset's images: img0…img11 (img11 not cached) minus img3 (not in the split). */
const datasetIds = ids.filter((id) => id !== 'img3').concat('img11');
const random = seededRandom(9);
const truth: LabelMatrix = { rows: datasetIds.length, cols: CLASSES.length, data: Int8Array.from({ length: datasetIds.length * CLASSES.length }, () => (random() < 0.4 ? 1 : -1)) };
const target = { root: 'dataset', split: 'train', ids: datasetIds, classes: CLASSES };

async function importInto(store: EmbeddingStore, files = cacheFiles(), cancelAfter?: number) {
  const folder = await openCacheFolder(memorySource(files, 'chosen'));
  const plan = planCacheImport(folder.manifest, folder.manifestFile, target);
  const text = (await folder.readArray(CACHE_FILES.textEmbeds, [CLASSES.length, D])).data;
  const key = cacheFolderRunKey(folder.manifest, plan.ids, text);
  const control = createRunControl();
  let progressPosts = 0;
  const post = (message: { type: string }) => {
    if (message.type === 'progress' && ++progressPosts > (cancelAfter ?? Infinity)) control.cancel();
  };
  const run = await importCacheFolder({ folder, plan, key, chunkSize: 3, store, control, post });
  return { folder, plan, text, run };
}

describe('importing a cdul cache folder into the embedding store', () => {
  it('gives the mAPs `cdul evaluate --source cache` computes from the folder (global.npy, local.npy), at ζ 0.1 and 0.3, λ 0 and 0.5', async () => {
    const store = memoryStore();
    const { plan, text, run } = await importInto(store);
    const chunks = storedChunks(store, run!.run);
    expect(chunks.ids).toEqual(plan.ids);
    const labels = selectRows(truth, plan.datasetRows);
    const state = await assembleSimilarityState(chunks, createMatrix(CLASSES.length, D, text), labels, CLASSES, 100);
    // The CLI's path: the stored softmax arrays, rows of the dataset's images, against the same truth.
    const cli = await readInitCache(memorySource(cacheFiles(), 'chosen'), 'cache');
    const cliInputs = { global: selectRows(cli.inputs.global, plan.cacheRows), alpha: selectRows(cli.inputs.alpha, plan.cacheRows), beta: selectRows(cli.inputs.beta, plan.cacheRows) };
    for (const [zeta, lambda] of [[0.1, 0], [0.3, 0.5]] as const) {
      const lab = evaluateState(state, { zeta, lambda, scale: null, convention: 'step', difficult: 'positive' });
      for (const mode of ['global', 'aggregate', 'final'] as const) {
        const expected = evaluatePseudoLabels(cliInputs, labels, CLASSES, { mode, zeta, lambda, convention: 'step', difficult: 'positive' }).mAP;
        expect(lab.mAP![mode]).toBeCloseTo(expected, 5);
      }
    }
  });

  it('is resumed after a cancel (only the chunks not stored are written) and not repeated once finished', async () => {
    const store = memoryStore();
    const cancelled = await importInto(store, cacheFiles(), 2);
    expect(cancelled.run).toBeNull();
    expect(store.writes).toBe(2); // cancelled after the second chunk's progress
    const resumed = await importInto(store);
    expect(resumed.run!.run.finishedChunks).toEqual([0, 1, 2, 3]);
    expect(resumed.run!.imported).toBe(4); // 10 images of the dataset in chunks of 3: the last two chunks
    expect(store.writes).toBe(4); // 11 images in chunks of 3: each chunk written once in all
    expect((await importInto(store)).run!.imported).toBe(0);
    expect(store.writes).toBe(4);
  });

  it('finds the cache one folder down; names manifest.json when it is missing, an unfinished run, and an array of the wrong shape', async () => {
    const files = cacheFiles();
    await expect(openCacheFolder(memorySource(files, 'chosen'))).resolves.toMatchObject({ manifestFile: 'chosen/cache/manifest.json' });
    await expect(openCacheFolder(memorySource({ 'x/global.npy': '' }, 'chosen'))).rejects.toThrow(/^chosen\/manifest\.json: missing: not a `cdul cache` output folder/);
    await expect(openCacheFolder(memorySource({ '.parts/plan.json': '{}' }, 'out'))).rejects.toThrow(/^out\/manifest\.json: missing: this `cdul cache` run has not finished/);
    await expect(openCacheFolder(memorySource({ 'manifest.json': '{"format": 1' }, 'out'))).rejects.toThrow(/^out\/manifest\.json: not valid JSON/);
    const wrong = { ...files, [`cache/${CACHE_FILES.localEmbeds}`]: encodeNpy(new Float32Array(N * D), [N, D]) };
    await expect(importInto(memoryStore(), wrong)).rejects.toThrow(`chosen/cache/${CACHE_FILES.localEmbeds}: has shape [11, 8], expected [11, 4, 8] from manifest.json`);
  });
});
