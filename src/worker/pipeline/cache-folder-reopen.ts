import { DataError } from '../../core/data-error';
import type { CacheManifest } from '../../core/init-cache/cache-manifest';
import type { EmbeddingStore, RunRecord } from '../storage/embedding-store';

/** Text embeddings of an imported cache, in the text store under a model id of their own (not the lab model's). */
export const cacheTextKey = (runKey: string): string => `cdul-cache-folder:${runKey}`;

/**
 * A cache folder imported before, as the store keeps it (a reload reopens it without the folder): its
 * run, the manifest the run was imported from (the kept images; no shard, no skipped list) and its
 * text embeddings. Gone from the store: say to choose the folder again.
 */
export async function storedCacheFolder(store: EmbeddingStore, runKey: string): Promise<{ run: RunRecord; manifest: CacheManifest; text: Float32Array }> {
  const run = await store.getRun(runKey);
  const text = run && (await store.getTextEmbeddings(cacheTextKey(runKey), run.meta.prompts));
  if (!run || run.finishedChunks.length !== run.totalChunks || !text) {
    throw new DataError(runKey, 'this cache folder is no longer stored in the browser: choose it again');
  }
  return { run, manifest: { format: 'cdul-init-cache', version: 1, ...run.meta, skipped: [] }, text };
}
