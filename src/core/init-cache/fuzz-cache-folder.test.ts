import { describe, expect, it } from 'vitest';
import { cosineSimilarities, softmaxRows } from '../cdul/similarity';
import type { DataError } from '../data-error';
import { memorySource } from '../datasets/__fixtures__/memory-source';
import { runFuzz, tallyLine, type FuzzInput } from '../formats/__fixtures__/fuzz/fuzz-run';
import { encodeNpy } from '../formats/npy';
import { seededRandom } from '../seeded-random';
import { createMatrix } from '../types';
import { cacheFolderRunKey, planCacheImport } from './cache-import';
import { CACHE_FILES, type CacheManifest } from './cache-manifest';
import { readInitCache } from './read-init-cache';

const N = 6;
const GRID = 2;
const D = 4;
const CLASSES = ['cat', 'dog', 'car'];
const ids = Array.from({ length: N }, (_, i) => `img${i}`);

/** A `cdul cache` output folder as the CLI writes it (finalize-cache.ts), of seeded random embeddings. */
function cacheFiles(): FuzzInput[] {
  const random = seededRandom(5);
  const values = (count: number) => Float32Array.from({ length: count }, () => random() * 2 - 1);
  const globalEmbeds = createMatrix(N, D, values(N * D));
  const localEmbeds = createMatrix(N * GRID * GRID, D, values(N * GRID * GRID * D));
  const text = createMatrix(CLASSES.length, D, values(CLASSES.length * D));
  const manifest: CacheManifest = {
    format: 'cdul-init-cache', version: 1, ids, classes: CLASSES, promptTemplate: 'a photo of a {name}',
    prompts: CLASSES.map((c) => `a photo of a ${c}`), model: { id: 'm', inputSize: 224, logitScale: 100, embedDim: D },
    preprocessing: { resize: 'shortest-edge-bicubic', mean: [0, 0, 0], std: [1, 1, 1] }, grid: GRID,
    dataset: { split: 'train', totalImages: N + 1 }, skipped: [{ id: 'img6', reason: 'corrupt or truncated JPEG' }],
  };
  const snippets = GRID * GRID;
  return [
    { file: CACHE_FILES.manifest, bytes: new TextEncoder().encode(JSON.stringify(manifest, null, 2)), text: true },
    { file: CACHE_FILES.globalEmbeds, bytes: encodeNpy(globalEmbeds.data, [N, D]) },
    { file: CACHE_FILES.localEmbeds, bytes: encodeNpy(localEmbeds.data, [N, snippets, D]) },
    { file: CACHE_FILES.textEmbeds, bytes: encodeNpy(text.data, [CLASSES.length, D]) },
    { file: CACHE_FILES.global, bytes: encodeNpy(softmaxRows(cosineSimilarities(globalEmbeds, text), 100).data, [N, CLASSES.length]) },
    { file: CACHE_FILES.local, bytes: encodeNpy(softmaxRows(cosineSimilarities(localEmbeds, text), 100).data, [N, snippets, CLASSES.length]) },
  ];
}

const files = cacheFiles();
const target = { root: 'VOC', split: 'train', ids: [...ids, 'img6'], classes: CLASSES };

/**
 * What the CLI (`cdul evaluate --source cache`) and the lab (opening a cache folder) do with one:
 * read it at the stored scale or recomputed from the embeddings, match it to the dataset, key it.
 */
async function openCache(damaged: Uint8Array, input: FuzzInput, random: () => number): Promise<void> {
  const folder = Object.fromEntries(files.map((file) => [`cache/${file.file}`, file === input ? damaged : file.bytes]));
  const cache = await readInitCache(memorySource(folder, 'memory'), 'cache', random() < 0.5 ? undefined : 1 / Math.log(100));
  const plan = planCacheImport(cache.manifest, 'memory/cache/manifest.json', target);
  cacheFolderRunKey(cache.manifest, plan.ids, new Float32Array(CLASSES.length * D));
}

const manifestNamed = (error: DataError, input: FuzzInput) =>
  error.file.endsWith(`cache/${input.file}`) || (input.file === CACHE_FILES.manifest && error.problem.includes('manifest.json'));

describe('a fuzzed cdul cache folder (manifest.json and its .npy arrays): opened, or a DataError naming the file', () => {
  it('each case damages one file of the folder; an array the manifest now disagrees with may be the one named', async () => {
    const tally = await runFuzz({
      seed: 19_000,
      cases: 400,
      inputs: files,
      read: openCache,
      names: manifestNamed,
    });
    console.log(tallyLine('cache folder (manifest.json, .npy)', tally));
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBeGreaterThan(0);
    expect(tally.dataErrors).toBeGreaterThan(0);
  });

  it('manifest.json alone: fields swapped, retyped, emptied; the JSON cut or its bytes flipped', async () => {
    const tally = await runFuzz({ seed: 20_000, cases: 300, inputs: [files[0]!], read: openCache, names: manifestNamed });
    console.log(tallyLine('cache folder (manifest.json only)', tally));
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBeGreaterThan(0);
    expect(tally.dataErrors).toBeGreaterThan(0);
  });
});

describe('what the fuzzing found in the cache folder reader', () => {
  it('a manifest without `skipped` or `dataset` is refused naming manifest.json (planCacheImport threw a TypeError)', async () => {
    const manifest = JSON.parse(new TextDecoder().decode(files[0]!.bytes)) as Record<string, unknown>;
    const { skipped: _skipped, dataset: _dataset, ...rest } = manifest;
    const damaged = new TextEncoder().encode(JSON.stringify(rest));
    await expect(openCache(damaged, files[0]!, () => 0)).rejects.toThrow('memory/cache/manifest.json: manifest has missing or malformed fields: dataset.split, skipped');
  });
});
