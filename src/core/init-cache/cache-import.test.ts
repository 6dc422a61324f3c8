import { describe, expect, it } from 'vitest';
import { DataError } from '../data-error';
import { decodeNpy, encodeNpy, viewNpy } from '../formats/npy';
import { ALL_IMAGES } from '../voc';
import type { CacheManifest } from './cache-manifest';
import { cacheFolderRunKey, expectNpyShape, interleaveRows, manifestSplit, planCacheImport } from './cache-import';
import { splitChunkEmbeddings } from './chunk-embeddings';

const manifest = (over: Partial<CacheManifest> = {}): CacheManifest => ({
  format: 'cdul-init-cache',
  version: 1,
  ids: ['a', 'b', 'c', 'd'],
  classes: ['cat', 'dog'],
  promptTemplate: 'a photo of a {name}',
  prompts: ['a photo of a cat', 'a photo of a dog'],
  model: { id: 'tiny-vit', inputSize: 224, logitScale: 100, embedDim: 3 },
  preprocessing: { resize: 'shortest-edge-bicubic', mean: [0.5, 0.5, 0.5], std: [0.2, 0.2, 0.2] },
  grid: 2,
  dataset: { split: 'val', totalImages: 4 },
  skipped: [{ id: 'e', reason: 'corrupt or truncated JPEG' }],
  ...over,
});
const target = { root: 'VOC2012', split: 'val', ids: ['x', 'c', 'a', 'e', 'd'], classes: ['cat', 'dog'] };

describe('planCacheImport', () => {
  it('keeps the cached images of the dataset in cache order, each with its dataset row; the rest are skipped with the cache’s reason', () => {
    const plan = planCacheImport(manifest(), 'cache/manifest.json', target);
    expect(plan.cacheRows).toEqual([0, 2, 3]);
    expect(plan.ids).toEqual(['a', 'c', 'd']);
    expect(plan.datasetRows).toEqual([2, 1, 4]);
    expect(plan.skipped).toEqual([
      { id: 'x', reason: 'not in the cache folder' },
      { id: 'e', reason: 'corrupt or truncated JPEG' },
    ]);
    expect(plan.warnings).toEqual(["1 cached images are not in VOC2012, split 'val', and were left out"]);
  });

  it('refuses a cache of other classes, naming manifest.json and both class lists', () => {
    const run = () => planCacheImport(manifest({ classes: ['dog', 'cat'] }), 'cache/manifest.json', target);
    expect(run).toThrow(DataError);
    expect(run).toThrow("cache/manifest.json: was computed for the classes [dog, cat]; VOC2012 has [cat, dog]");
  });

  it('refuses a cache of another dataset: none of its images is in the dataset', () => {
    const run = () => planCacheImport(manifest({ ids: ['p', 'q'] }), 'cache/manifest.json', target);
    expect(run).toThrow("cache/manifest.json: none of its 2 images (e.g. p) is in VOC2012, split 'val': it was computed from another dataset or split");
  });

  it('refuses one shard of a sharded run: it must be merged first', () => {
    const shard = manifest({ ids: ['a', 'b'], shard: { index: 0, count: 2 } });
    expect(() => planCacheImport(shard, 's0/manifest.json', target)).toThrow(
      "s0/manifest.json: holds only shard 0/2 of split 'val' (2 of 4 images): join all 2 shards with `cdul merge --out DIR SHARD_DIR…` and open the merged folder",
    );
  });
});

describe('manifestSplit', () => {
  it('is the split the cache was made for, or undefined for every image', () => {
    expect(manifestSplit(manifest())).toBe('val');
    expect(manifestSplit(manifest({ dataset: { split: ALL_IMAGES, totalImages: 4 } }))).toBeUndefined();
  });
});

describe('interleaveRows', () => {
  it('gives the store’s chunk layout: split back by splitChunkEmbeddings, it is the chosen rows of global and local', () => {
    const n = 4;
    const snippets = 4;
    const d = 3;
    const global = Float32Array.from({ length: n * d }, (_, k) => k + 0.5);
    const local = Float32Array.from({ length: n * snippets * d }, (_, k) => -k - 0.25);
    const rows = [3, 0, 2];
    const chunk = interleaveRows(global, local, rows, snippets, d);
    const split = splitChunkEmbeddings([chunk], rows.length, snippets, d);
    rows.forEach((row, i) => {
      expect(Array.from(split.globalEmbeds.data.subarray(i * d, (i + 1) * d))).toEqual(Array.from(global.subarray(row * d, (row + 1) * d)));
      const snippetRows = split.localEmbeds.data.subarray(i * snippets * d, (i + 1) * snippets * d);
      expect(Array.from(snippetRows)).toEqual(Array.from(local.subarray(row * snippets * d, (row + 1) * snippets * d)));
    });
  });
});

describe('cacheFolderRunKey', () => {
  const text = Float32Array.from([1, 2, 3, 4, 5, 6]);
  it('has the lab’s run-key parts (so another grid of the same cache is found) and its own prefix', () => {
    expect(cacheFolderRunKey(manifest(), ['a', 'c'], text)).toMatch(/^cdul-cache:[0-9a-f]{12}\/split:val\/model:tiny-vit\/pre:[0-9a-f]{8}\/grid:2$/);
  });
  it('changes with the images, the text embeddings (another export under the same id) and the grid, and only then', () => {
    const key = cacheFolderRunKey(manifest(), ['a', 'c'], text);
    expect(cacheFolderRunKey(manifest(), ['a', 'c'], text.slice())).toBe(key);
    expect(cacheFolderRunKey(manifest(), ['a', 'd'], text)).not.toBe(key);
    expect(cacheFolderRunKey(manifest(), ['a', 'c'], Float32Array.from([1, 2, 3, 4, 5, 6.0001]))).not.toBe(key);
    expect(cacheFolderRunKey(manifest({ grid: 3 }), ['a', 'c'], text).replace(/grid:3$/, 'grid:2')).toBe(key);
  });
});

describe('reading the arrays', () => {
  it('viewNpy reads what decodeNpy reads, without a copy when the data is aligned', () => {
    const bytes = encodeNpy(Float32Array.from([1, -2, 3.5, 4, 5, 6]), [2, 3]);
    const viewed = viewNpy(bytes, 'x.npy');
    expect(viewed.shape).toEqual([2, 3]);
    expect(Array.from(viewed.data)).toEqual(Array.from(decodeNpy(bytes, 'x.npy').data));
    expect(viewed.data.buffer).toBe(bytes.buffer);
  });
  it('an array of the wrong shape names its file and both shapes', () => {
    const array = viewNpy(encodeNpy(new Float32Array(6), [2, 3]), 'x.npy');
    expect(() => expectNpyShape(array, [3, 3], 'cache/global_embeds.npy')).toThrow(
      'cache/global_embeds.npy: has shape [2, 3], expected [3, 3] from manifest.json',
    );
  });
});
