import { modelFilesOf, type ModelCatalogEntry, type ModelVariant } from '../../core/clip/model-catalog';
import { modelFileUrl } from './model-file-url';

/**
 * Downloaded model files live in Cache Storage, keyed by their full URL, so a second load needs no
 * network. Cache Storage (unlike IndexedDB blobs of this size) is the same API in a page and a worker.
 * Bump the version in the name when the stored format changes: old caches are then simply unused.
 */
export const MODEL_CACHE_NAME = 'cdul-models-v1';

export interface ModelCacheUsage {
  readonly bytes: number;
  readonly entries: readonly { readonly url: string; readonly bytes: number }[];
}

/** `caches` exists only in secure contexts (https, localhost); elsewhere models are simply not kept. */
export function modelCacheAvailable(): boolean {
  return typeof globalThis.caches !== 'undefined';
}

export async function openModelCache(): Promise<Cache | null> {
  return modelCacheAvailable() ? caches.open(MODEL_CACHE_NAME) : null;
}

/**
 * The sum of the stored bodies. navigator.storage.estimate() is per origin, padded and coarse, so it
 * cannot say what the models take. A cached body's Blob is backed by the cache on disk: its size is
 * known without reading the bytes.
 */
export async function modelCacheUsage(): Promise<ModelCacheUsage> {
  const cache = await openModelCache();
  if (!cache) return { bytes: 0, entries: [] };
  const entries: { url: string; bytes: number }[] = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    if (response) entries.push({ url: request.url, bytes: (await response.blob()).size });
  }
  return { bytes: entries.reduce((sum, entry) => sum + entry.bytes, 0), entries };
}

export async function clearModelCache(): Promise<void> {
  if (modelCacheAvailable()) await caches.delete(MODEL_CACHE_NAME);
}

/** True when every file of the variant is stored, i.e. loading it needs no network. */
export async function isModelCached(entry: ModelCatalogEntry, variant: ModelVariant, baseUrl?: string): Promise<boolean> {
  const cache = await openModelCache();
  if (!cache) return false;
  for (const file of modelFilesOf(entry, variant)) {
    if (!(await cache.match(modelFileUrl(entry, file.path, baseUrl)))) return false;
  }
  return true;
}
