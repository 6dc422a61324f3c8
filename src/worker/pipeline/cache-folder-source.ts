import { DataError } from '../../core/data-error';
import { joinPath, type FileSource } from '../../core/dataset-source';
import { subSource } from '../../core/datasets/sub-source';
import { viewNpy, type NpyArray } from '../../core/formats/npy';
import { CACHE_FILES, parseCacheManifest, type CacheManifest } from '../../core/init-cache/cache-manifest';
import { expectNpyShape } from '../../core/init-cache/cache-import';

/** A `cdul cache` output folder as the worker reads it. */
export interface CacheFolder {
  readonly source: FileSource;
  readonly manifest: CacheManifest;
  /** manifest.json as messages name it (the chosen folder's label and the path inside it). */
  readonly manifestFile: string;
  /** One of the cache's arrays, checked against the shape the manifest implies (errors name the file). */
  readArray(name: string, shape: readonly number[]): Promise<NpyArray>;
}

/** Where a shard run keeps its finished chunks until the cache is complete (src/cli/cache/chunk-store.ts). */
const PARTS_DIR = '.parts';

/**
 * The cache in what the user chose: the folder itself, or one folder below it (the merged folder's
 * parent). No manifest.json: an unfinished `cdul cache` run (its `.parts/` is there) or not a cache.
 */
export async function openCacheFolder(chosen: FileSource): Promise<CacheFolder> {
  const root = await findManifestDir(chosen);
  const source = root === '' ? chosen : subSource(chosen, root);
  const shown = (name: string) => joinPath(chosen.label, root, name);
  const manifestFile = shown(CACHE_FILES.manifest);
  const manifest = parseCacheManifest(await source.readText(CACHE_FILES.manifest), manifestFile);
  return {
    source,
    manifest,
    manifestFile,
    async readArray(name, shape) {
      return expectNpyShape(viewNpy(await source.readBytes(name), shown(name)), shape, shown(name));
    },
  };
}

async function findManifestDir(chosen: FileSource): Promise<string> {
  if (await chosen.exists(CACHE_FILES.manifest)) return '';
  const children = (await chosen.listDirs('')).filter((name) => !name.startsWith('.'));
  for (const child of children) {
    if (await chosen.exists(joinPath(child, CACHE_FILES.manifest))) return child;
  }
  const unfinished = (await chosen.listDirs('')).includes(PARTS_DIR) || (await chosen.exists(joinPath(PARTS_DIR, 'plan.json')));
  throw new DataError(
    joinPath(chosen.label, CACHE_FILES.manifest),
    unfinished
      ? 'missing: this `cdul cache` run has not finished (its chunks are in .parts/); rerun the same command to complete it, or merge the shards with `cdul merge`'
      : 'missing: not a `cdul cache` output folder (expected manifest.json beside global_embeds.npy, local_embeds.npy and text_embeds.npy)',
  );
}
