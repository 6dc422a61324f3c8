import { runInitialization, type Post } from '../../src/worker/pipeline/initialization-run';
import { createRunControl } from '../../src/worker/pipeline/run-control';
import { openEmbeddingStore } from '../../src/worker/storage/embedding-store';
import { benchRequest } from './bench-setup';

export interface PipelineTiming {
  /** From the "Encoding images…" stage to the last chunk stored: prepare pool, model, IndexedDB writes. */
  readonly encodingMs: number;
  /** The whole run: dataset, model load, prompts, encoding, and assembling the similarities. */
  readonly runMs: number;
  readonly images: number;
  readonly wasmThreads: number;
}

/**
 * One run of the lab's own runInitialization (the code path of the pipeline worker) into a fresh
 * IndexedDB database prefix, so nothing is resumed from an earlier run; the databases are deleted after.
 */
export async function timePipeline(databasePrefix: string, limit: number | null): Promise<PipelineTiming> {
  let encodingStart = 0;
  let encodingEnd = 0;
  let wasmThreads = 0;
  const post: Post = (message) => {
    if (message.type === 'backend') wasmThreads = message.wasmThreads;
    if (message.type === 'stage' && message.stage.startsWith('Encoding images')) encodingStart = performance.now();
    if (message.type === 'progress' && message.progress.done === message.progress.total && !encodingEnd) encodingEnd = performance.now();
  };
  const started = performance.now();
  try {
    const result = await runInitialization(benchRequest(limit), createRunControl(), openEmbeddingStore(databasePrefix), post);
    if (!result || result.recomputed !== result.images) throw new Error(`the run encoded ${result?.recomputed ?? 0} images, not all`);
    return { encodingMs: encodingEnd - encodingStart, runMs: performance.now() - started, images: result.images, wasmThreads };
  } finally {
    await Promise.all([`${databasePrefix}-embeddings`, `${databasePrefix}-text-embeddings`].map(deleteDatabase));
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // idb-keyval keeps its connection open: the deletion then waits for it, and the bench's temporary
    // browser profile goes anyway. Nothing to wait for here.
    request.onblocked = () => resolve();
  });
}
