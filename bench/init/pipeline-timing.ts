import { modelCpuThreads } from '../../src/worker/inference/ort-web';
import { runInitialization, type Post } from '../../src/worker/pipeline/initialization-run';
import { PART_IMAGES } from '../../src/worker/prepare/chunk-parts';
import { preparedChunkBytes, preparePlan } from '../../src/worker/prepare/pool-size';
import type { ExecutionProvider } from '../../src/worker/protocol/pipeline-protocol';
import { createRunControl } from '../../src/worker/pipeline/run-control';
import { openEmbeddingStore } from '../../src/worker/storage/embedding-store';
import { benchRequest, GRID, INPUT_SIZE } from './bench-setup';

export interface PipelineTiming {
  /** From the "Encoding images…" stage to the last chunk stored: prepare pool, model, IndexedDB writes. */
  readonly encodingMs: number;
  /** The whole run: dataset, model load, prompts, encoding, and assembling the similarities. */
  readonly runMs: number;
  readonly images: number;
  readonly wasmThreads: number;
  /** The prepare pool and look-ahead the run used (prepare/pool-size.ts, as encodeChunks computes them). */
  readonly prepareWorkers: number;
  readonly lookAhead: number;
}

/**
 * One run of the lab's own runInitialization (the code path of the pipeline worker) into a fresh
 * IndexedDB database prefix, so nothing is resumed from an earlier run; the databases are deleted after.
 */
export async function timePipeline(databasePrefix: string, limit: number | null): Promise<PipelineTiming> {
  let encodingStart = 0;
  let encodingEnd = 0;
  let wasmThreads = 0;
  let provider: ExecutionProvider = 'wasm';
  const post: Post = (message) => {
    if (message.type === 'backend') ({ wasmThreads, provider } = message);
    if (message.type === 'stage' && message.stage.startsWith('Encoding images')) encodingStart = performance.now();
    if (message.type === 'progress' && message.progress.done === message.progress.total && !encodingEnd) encodingEnd = performance.now();
  };
  const started = performance.now();
  try {
    const result = await runInitialization(benchRequest(limit), createRunControl(), openEmbeddingStore(databasePrefix), post);
    if (!result || result.recomputed !== result.images) throw new Error(`the run encoded ${result?.recomputed ?? 0} images, not all`);
    const runMs = performance.now() - started;
    const plan = preparePlan(navigator.hardwareConcurrency, modelCpuThreads(provider), preparedChunkBytes(PART_IMAGES, 1 + GRID * GRID, INPUT_SIZE));
    return { encodingMs: encodingEnd - encodingStart, runMs, images: result.images, wasmThreads, prepareWorkers: plan.workers, lookAhead: plan.ahead };
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
