import type { UseStore } from 'idb-keyval';
import { createYieldingStore } from './yielding-store';
import type { ImageStamp } from '../../core/init-cache/chunk-stamps';
import { request, transact } from './idb-transaction';
import {
  packFloat32,
  recordKeys,
  type ChunkInput,
  type ChunkRecord,
  type RunHeader,
  type RunMeta,
  type RunProgress,
  type RunRecord,
  type StoredChunk,
} from './run-records';
import { mapQuotaErrors } from './storage-full-error';
import { RunMissingError } from './run-missing-error';
import { getTextEmbeddings, putTextEmbeddings } from './text-embeddings';

export type { ChunkInput, RunMeta, RunRecord, StoredChunk } from './run-records';
export { StorageFullError } from './storage-full-error';
export { RunMissingError } from './run-missing-error';
export { requestPersistence, storageUsage, type PersistenceResult, type StorageUsage } from './storage-usage';

/**
 * The browser's initialization cache (docs/architecture.md, "Caches"): image embeddings of a run, chunk
 * by chunk, so a reload resumes where it stopped; text embeddings per model and prompt set. Usable from
 * a worker and the main thread at once: IndexedDB serialises their transactions.
 *
 * Every write is one transaction and resolves once committed. A write that does not fit the quota
 * rejects with StorageFullError and changes nothing.
 */
export interface EmbeddingStore {
  /**
   * The run under `runKey` (see core/init-cache/run-key), created when new. An existing run is returned
   * as stored, with ITS chunkSize, which a resuming caller must use; one listing other images is refused.
   * `datasetLabel` names the dataset in the storage panel's list of runs.
   */
  openRun(runKey: string, meta: RunMeta, chunkSize: number, datasetLabel?: string): Promise<RunRecord>;
  getRun(runKey: string): Promise<RunRecord | undefined>;
  /**
   * Stores chunk `index` and marks it finished, atomically. Writing a finished chunk again replaces it.
   * Resolves with the run's new progress.
   */
  writeChunk(runKey: string, index: number, chunk: ChunkInput): Promise<RunRecord>;
  readChunk(runKey: string, index: number): Promise<StoredChunk>;
  /** The finished chunks in index order, one read each, so a whole split never sits in memory at once. */
  readChunks(runKey: string): AsyncIterable<StoredChunk>;
  /** Ascending; empty for an unknown run. */
  finishedChunks(runKey: string): Promise<number[]>;
  /** Per finished chunk written with stamps, its files as they were encoded (chunk-stamps.ts). */
  chunkStamps(runKey: string): Promise<Map<number, ImageStamp[]>>;
  /** Removes the run and all its chunks (text embeddings stay: other runs of the model share them). */
  deleteRun(runKey: string): Promise<void>;
  /** Every run with its progress and `bytes`, most recently updated first. */
  listRuns(): Promise<RunRecord[]>;
  putTextEmbeddings(modelId: string, prompts: readonly string[], embeddings: Float32Array): Promise<void>;
  /** [prompts.length, d], or undefined when this model has not embedded exactly these prompts. */
  getTextEmbeddings(modelId: string, prompts: readonly string[]): Promise<Float32Array<ArrayBuffer> | undefined>;
}

/**
 * The store in this origin's IndexedDB. idb-keyval's store opens one database per store (it can only
 * create the store when it creates the database), so each kind has its own database:
 * `<prefix>-embeddings` (runs, progress and chunks together, for atomic chunk writes) and
 * `<prefix>-text-embeddings`. Opening is lazy: nothing touches IndexedDB until the first call.
 */
export function openEmbeddingStore(databasePrefix = 'cdul'): EmbeddingStore {
  return createEmbeddingStore(
    createYieldingStore(`${databasePrefix}-embeddings`, 'keyval'),
    createYieldingStore(`${databasePrefix}-text-embeddings`, 'keyval'),
  );
}

/** The store over given idb-keyval stores (tests wrap them to inject failures). */
export function createEmbeddingStore(runs: UseStore, texts: UseStore): EmbeddingStore {
  const store: EmbeddingStore = {
    openRun: (runKey, meta, chunkSize, datasetLabel) => mapQuotaErrors(() => openRun(runs, runKey, meta, chunkSize, datasetLabel)),
    getRun: (runKey) => transact(runs, 'readonly', (s) => readRun(s, runKey)),
    writeChunk: (runKey, index, chunk) => mapQuotaErrors(() => writeChunk(runs, runKey, index, chunk)),
    readChunk: (runKey, index) => transact(runs, 'readonly', (s) => readChunk(s, runKey, index)),
    async *readChunks(runKey) {
      for (const index of await store.finishedChunks(runKey)) yield await store.readChunk(runKey, index);
    },
    finishedChunks: async (runKey) => (await store.getRun(runKey))?.finishedChunks ?? [],
    chunkStamps: (runKey) => transact(runs, 'readonly', (s) => readStamps(s, runKey)),
    deleteRun: (runKey) => transact(runs, 'readwrite', async (s) => deleteRun(s, runKey)),
    listRuns: () => transact(runs, 'readonly', listRuns),
    putTextEmbeddings: (modelId, prompts, embeddings) => putTextEmbeddings(texts, modelId, prompts, embeddings),
    getTextEmbeddings: (modelId, prompts) => getTextEmbeddings(texts, modelId, prompts),
  };
  return store;
}

async function readRun(store: IDBObjectStore, runKey: string): Promise<RunRecord | undefined> {
  const [header, progress] = await Promise.all([
    request<RunHeader | undefined>(store.get(recordKeys.header(runKey))),
    request<RunProgress | undefined>(store.get(recordKeys.progress(runKey))),
  ]);
  return header && progress ? { ...header, ...progress } : undefined;
}

function openRun(runs: UseStore, runKey: string, meta: RunMeta, chunkSize: number, datasetLabel?: string): Promise<RunRecord> {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunk size ${chunkSize} is not a positive integer`);
  // Read and create in one transaction, so a worker and the page opening the same run agree on it.
  return transact(runs, 'readwrite', async (store) => {
    const existing = await readRun(store, runKey);
    if (existing) {
      if (!sameList(existing.meta.ids, meta.ids)) {
        throw new Error(`run ${runKey} is stored with other images (${existing.meta.ids.length} ids); delete it to start over`);
      }
      return existing;
    }
    const now = Date.now();
    const header: RunHeader = { key: runKey, meta, chunkSize, totalChunks: Math.ceil(meta.ids.length / chunkSize), createdAt: now, ...(datasetLabel ? { datasetLabel } : {}) };
    const progress: RunProgress = { finishedChunks: [], skipped: [], bytes: 0, updatedAt: now };
    store.put(header, recordKeys.header(runKey));
    store.put(progress, recordKeys.progress(runKey));
    return { ...header, ...progress };
  });
}

function writeChunk(runs: UseStore, runKey: string, index: number, chunk: ChunkInput): Promise<RunRecord> {
  // Packing (a copy at most) happens before the transaction, to keep the transaction short.
  const embeddings = packFloat32(chunk.embeddings);
  return transact(runs, 'readwrite', async (store) => {
    const run = await readRun(store, runKey);
    if (!run) throw new RunMissingError(runKey);
    const record: ChunkRecord = {
      index,
      ids: [...chunk.ids],
      skipped: [...chunk.skipped],
      shape: chunkShape(run, index, chunk),
      embeddings,
    };
    const replaced = run.finishedChunks.includes(index)
      ? await request<ChunkRecord | undefined>(store.get(recordKeys.chunk(runKey, index)))
      : undefined;
    const progress = advance(run, record, replaced);
    // The puts belong to this transaction: the chunk, its stamps and the progress marking it commit together.
    store.put(record, recordKeys.chunk(runKey, index));
    if (chunk.stamps) store.put([...chunk.stamps], recordKeys.stamps(runKey, index));
    else store.delete(recordKeys.stamps(runKey, index));
    store.put(progress, recordKeys.progress(runKey));
    return { ...run, ...progress };
  });
}

/** [k, 1 + N², d] of a chunk, after checking it fits the run (a wrong size would read back as garbage). */
function chunkShape(run: RunRecord, index: number, chunk: ChunkInput): [number, number, number] {
  if (!Number.isInteger(index) || index < 0 || index >= run.totalChunks) {
    throw new RangeError(`chunk ${index} is outside run ${run.key} (${run.totalChunks} chunks)`);
  }
  const shape: [number, number, number] = [chunk.ids.length, 1 + run.meta.grid ** 2, run.meta.model.embedDim];
  const expected = shape[0] * shape[1] * shape[2];
  if (chunk.embeddings.length !== expected) {
    throw new RangeError(`chunk ${index} of run ${run.key}: ${chunk.embeddings.length} values, expected ${shape.join(' × ')} = ${expected}`);
  }
  return shape;
}

/** The progress after storing `record`, which replaces `replaced` when the chunk was written before. */
function advance(run: RunRecord, record: ChunkRecord, replaced: ChunkRecord | undefined): RunProgress {
  const replacedSkips = new Set(replaced?.skipped.map((item) => item.id));
  return {
    finishedChunks: [...new Set([...run.finishedChunks, record.index])].sort((a, b) => a - b),
    skipped: [...run.skipped.filter((item) => !replacedSkips.has(item.id)), ...record.skipped],
    bytes: run.bytes - (replaced?.embeddings.byteLength ?? 0) + record.embeddings.byteLength,
    updatedAt: Date.now(),
  };
}

async function readChunk(store: IDBObjectStore, runKey: string, index: number): Promise<StoredChunk> {
  const record = await request<ChunkRecord | undefined>(store.get(recordKeys.chunk(runKey, index)));
  // Read by a finished run's later steps (a prompt change, another grid): the site's storage may have been cleared since.
  if (!record) throw new Error(`chunk ${index} of run ${runKey} is no longer in the browser's storage (cleared or evicted): compute the run again to restore it`);
  return { ...record, embeddings: new Float32Array(record.embeddings) };
}

function deleteRun(store: IDBObjectStore, runKey: string): void {
  store.delete(recordKeys.header(runKey));
  store.delete(recordKeys.progress(runKey));
  store.delete(recordKeys.chunks(runKey));
  store.delete(recordKeys.allStamps(runKey));
}

async function readStamps(store: IDBObjectStore, runKey: string): Promise<Map<number, ImageStamp[]>> {
  const range = recordKeys.allStamps(runKey);
  const [keys, values] = await Promise.all([request<IDBValidKey[]>(store.getAllKeys(range)), request<ImageStamp[][]>(store.getAll(range))]);
  // Keys are ['stamps', runKey, index], in the same order as the values.
  return new Map(keys.map((key, i) => [(key as [string, string, number])[2], values[i] ?? []]));
}

async function listRuns(store: IDBObjectStore): Promise<RunRecord[]> {
  const [headers, progressKeys, progresses] = await Promise.all([
    request<RunHeader[]>(store.getAll(recordKeys.allOf('run'))),
    request<IDBValidKey[]>(store.getAllKeys(recordKeys.allOf('progress'))),
    request<RunProgress[]>(store.getAll(recordKeys.allOf('progress'))),
  ]);
  // Progress keys are ['progress', runKey]; the two getAll calls return in the same key order.
  const progressOf = new Map(progressKeys.map((key, i) => [(key as [string, string])[1], progresses[i]]));
  return headers
    .flatMap((header) => {
      const progress = progressOf.get(header.key);
      return progress ? [{ ...header, ...progress }] : [];
    })
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
