import { DataError, type SkippedItem } from '../data-error';
import type { NpyArray } from '../formats/npy';
import { ALL_IMAGES } from '../voc';
import type { CacheManifest } from './cache-manifest';
import { joinRunKey, sha256Hex } from './run-key';

/**
 * Opening a `cdul cache` output folder in the lab next to the dataset it was computed from: which of
 * its rows belong to the dataset, which dataset images it lacks, and its embeddings cut into the
 * browser store's chunks ([k, 1 + N², d]: per image its global embedding, then its snippets).
 */
export interface CacheImportPlan {
  /** Rows of the cache kept (their image is in the dataset), in the cache's order. */
  readonly cacheRows: number[];
  /** Their image ids. */
  readonly ids: string[];
  /** For each kept row, the dataset row of its image (for the ground truth). */
  readonly datasetRows: number[];
  /** Dataset images the cache has no embeddings for (an encoding failure it recorded, or simply absent). */
  readonly skipped: SkippedItem[];
  readonly warnings: string[];
}

/** What the plan needs of the dataset. */
export interface ImportTarget {
  readonly root: string;
  readonly split: string | null;
  readonly ids: readonly (string | number)[];
  /** Class tokens, in column order. */
  readonly classes: readonly string[];
}

/** The split the cache was computed for, as the dataset loaders take it (undefined: every image). */
export function manifestSplit(manifest: CacheManifest): string | undefined {
  const split = manifest.dataset?.split;
  return split === undefined || split === ALL_IMAGES ? undefined : split;
}

/** A shard's output cannot be opened alone: it covers one block of the split (README, "shards"). */
export function refuseShard(manifest: CacheManifest, manifestFile: string): void {
  if (!manifest.shard) return;
  const { index, count } = manifest.shard;
  throw new DataError(
    manifestFile,
    `holds only shard ${index}/${count} of split '${manifest.dataset.split}' (${manifest.ids.length} of ${manifest.dataset.totalImages} images): ` +
      `join all ${count} shards with \`cdul merge --out DIR SHARD_DIR…\` and open the merged folder`,
  );
}

/**
 * Matches a cache to the dataset: the classes must be the same, in the same order; cached images
 * outside the dataset are left out (with a warning), dataset images without embeddings are skipped
 * (named, with the reason the cache recorded). No cached image in the dataset: a cache of another
 * dataset or split, refused.
 */
export function planCacheImport(manifest: CacheManifest, manifestFile: string, target: ImportTarget): CacheImportPlan {
  refuseShard(manifest, manifestFile);
  if (manifest.classes.join('\n') !== target.classes.join('\n')) {
    throw new DataError(manifestFile, `was computed for the classes [${manifest.classes.join(', ')}]; ${target.root} has [${target.classes.join(', ')}]`);
  }
  const datasetRow = new Map(target.ids.map((id, row) => [String(id), row]));
  const cacheRows = manifest.ids.flatMap((id, row) => (datasetRow.has(id) ? [row] : []));
  const split = target.split ?? ALL_IMAGES;
  if (cacheRows.length === 0) {
    const example = manifest.ids[0] === undefined ? '' : ` (e.g. ${manifest.ids[0]})`;
    throw new DataError(
      manifestFile,
      `none of its ${manifest.ids.length} images${example} is in ${target.root}, split '${split}': it was computed from another dataset or split`,
    );
  }
  const ids = cacheRows.map((row) => manifest.ids[row]!);
  const cached = new Set(manifest.ids);
  const failures = new Map(manifest.skipped.map((item) => [item.id, item.reason]));
  const skipped = target.ids
    .map(String)
    .filter((id) => !cached.has(id))
    .map((id) => ({ id, reason: failures.get(id) ?? 'not in the cache folder' }));
  const outside = manifest.ids.length - cacheRows.length;
  return {
    cacheRows,
    ids,
    datasetRows: ids.map((id) => datasetRow.get(id)!),
    skipped,
    warnings: outside ? [`${outside} cached images are not in ${target.root}, split '${split}', and were left out`] : [],
  };
}

/** Throws DataError naming the file when an array's shape is not the one the manifest implies. */
export function expectNpyShape(array: NpyArray, shape: readonly number[], file: string): NpyArray {
  if (array.shape.length !== shape.length || array.shape.some((n, i) => n !== shape[i])) {
    throw new DataError(file, `has shape [${array.shape.join(', ')}], expected [${shape.join(', ')}] from manifest.json`);
  }
  return array;
}

/**
 * The browser store's key of an opened cache folder: a computed run's layout (run-key.ts joinRunKey),
 * so Compare finds another grid's cache of the same images; its own source part, a hash of the image
 * ids and the text embeddings' bytes (another export under the same model id, or other images, give
 * another key). The manifest records fewer preprocessing fields than a computed run hashes, so `pre:`
 * matches other opened caches of the model, not the runs computed in the lab.
 */
export function cacheFolderRunKey(manifest: CacheManifest, ids: readonly string[], textEmbeddings: Float32Array): string {
  const { model, preprocessing, grid, dataset } = manifest;
  const textWords = Array.from(new Uint32Array(textEmbeddings.buffer, textEmbeddings.byteOffset, textEmbeddings.length), (word) => word.toString(36));
  const content = sha256Hex(JSON.stringify([ids, textWords.join(',')])).slice(0, 12);
  const pre = sha256Hex(JSON.stringify([model.inputSize, preprocessing?.mean ?? null, preprocessing?.std ?? null])).slice(0, 8);
  return joinRunKey(`cdul-cache:${content}`, { split: dataset?.split ?? ALL_IMAGES, modelId: model.id, preHash: pre, grid });
}

/**
 * One chunk of the store from the cache's arrays: the cache rows `rows` of global [n, d] and local
 * [n, N², d], interleaved per image as [k, 1 + N², d].
 */
export function interleaveRows(global: Float32Array, local: Float32Array, rows: readonly number[], snippets: number, d: number): Float32Array {
  const out = new Float32Array(rows.length * (1 + snippets) * d);
  rows.forEach((row, i) => {
    const base = i * (1 + snippets) * d;
    out.set(global.subarray(row * d, (row + 1) * d), base);
    out.set(local.subarray(row * snippets * d, (row + 1) * snippets * d), base + d);
  });
  return out;
}
