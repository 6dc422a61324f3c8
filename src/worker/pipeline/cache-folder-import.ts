import { CACHE_FILES, type CacheManifest } from '../../core/init-cache/cache-manifest';
import { interleaveRows, type CacheImportPlan } from '../../core/init-cache/cache-import';
import type { FromWorker } from '../protocol/pipeline-protocol';
import type { EmbeddingStore, RunMeta, RunRecord } from '../storage/embedding-store';
import type { CacheFolder } from './cache-folder-source';
import type { RunControl } from './run-control';

export interface CacheImport {
  readonly folder: CacheFolder;
  readonly plan: CacheImportPlan;
  readonly key: string;
  readonly chunkSize: number;
  readonly store: EmbeddingStore;
  readonly control: RunControl;
  readonly post: (message: FromWorker) => void;
}

const STAGE = 'Storing the cache folder’s embeddings in the browser…';

/**
 * The cache's image embeddings written into the embedding store as a run of the lab's (chunks of
 * [k, 1 + N², d]), so it reopens, compares, trains and changes prompts as one. Chunks stored before
 * (an import cancelled or cut by a reload) are kept: only the rest are written. Resolves with the
 * finished run and the images stored now, or null when cancelled.
 */
export async function importCacheFolder(job: CacheImport): Promise<{ run: RunRecord; imported: number } | null> {
  const { folder, plan, key, store, control, post } = job;
  const { manifest } = folder;
  const run = await store.openRun(key, runMeta(manifest, plan.ids), job.chunkSize);
  const done = new Set(run.finishedChunks);
  const chunks = partition(plan.cacheRows, run.chunkSize);
  const todo = chunks.map((_, index) => index).filter((index) => !done.has(index));
  if (todo.length === 0) return { run, imported: 0 };
  const n = manifest.ids.length;
  const d = manifest.model.embedDim;
  const snippets = manifest.grid * manifest.grid;
  post({ type: 'stage', stage: 'Reading the cache folder’s embeddings…' });
  const global = (await folder.readArray(CACHE_FILES.globalEmbeds, [n, d])).data;
  const local = (await folder.readArray(CACHE_FILES.localEmbeds, [n, snippets, d])).data;
  const progress = createProgress(plan.ids.length, chunks, done, post);
  for (const index of todo) {
    if ((await control.checkpoint(() => post({ type: 'paused' }))) === 'cancel') return null;
    const rows = chunks[index]!;
    const ids = rows.map((row) => manifest.ids[row]!);
    await store.writeChunk(key, index, { ids, skipped: [], embeddings: interleaveRows(global, local, rows, snippets, d) });
    progress(rows.length);
  }
  const finished = await store.getRun(key);
  if (!finished) throw new Error(`run ${key} is no longer stored: it was deleted while the cache folder was imported`);
  return { run: finished, imported: todo.reduce((sum, index) => sum + chunks[index]!.length, 0) };
}

/** The run's header as a computed run's: the manifest's settings, the kept images. */
function runMeta(manifest: CacheManifest, ids: readonly string[]): RunMeta {
  const { classes, promptTemplate, prompts, model, preprocessing, grid, dataset } = manifest;
  return { ids: [...ids], classes, promptTemplate, prompts, model, preprocessing, grid, dataset: { split: dataset.split, totalImages: ids.length } };
}

/** Progress as a computed run reports it (the run panel's bar, images/s, ETA), with the stage it is in. */
function createProgress(total: number, chunks: number[][], done: Set<number>, post: (message: FromWorker) => void): (images: number) => void {
  const fromCache = chunks.filter((_, index) => done.has(index)).reduce((sum, rows) => sum + rows.length, 0);
  const started = performance.now();
  let stored = fromCache;
  const report = () => {
    const rate = (stored - fromCache) / Math.max((performance.now() - started) / 1000, 1e-9);
    const etaSeconds = rate > 0 ? (total - stored) / rate : null;
    post({ type: 'progress', progress: { done: stored, total, skipped: 0, fromCache, imagesPerSecond: rate, etaSeconds, stage: STAGE } });
  };
  report();
  return (images) => {
    stored += images;
    report();
  };
}

function partition<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));
}
