import { openEmbeddingStore } from '../storage/embedding-store';
import { storageUsage, type StorageUsage } from '../storage/storage-usage';
import { summarizeStoredRun, type StoredRunSummary } from '../storage/stored-run-summary';
import { trainingStorage, type TrainingStorage } from '../training/training-storage';

export { requestPersistence } from '../storage/storage-usage';
/** The page's own IndexedDB stores (session journal, settings) yield to a deletion as the workers' do. */
export { createYieldingStore } from '../storage/yielding-store';
export type { StoredRunSummary } from '../storage/stored-run-summary';
export type { TrainingStorage } from '../training/training-storage';

/** What the lab keeps in this browser, for the storage panel. */
export interface StorageFacts {
  readonly usage: StorageUsage;
  /** Runs of image embeddings and their bytes. */
  readonly runs: number;
  readonly runBytes: number;
  /** Each run of image embeddings, most recently updated first. */
  readonly embeddingRuns: readonly StoredRunSummary[];
  /** Training runs (records, checkpoints and Y0). */
  readonly training: TrainingStorage;
}

// Opening is lazy: nothing touches IndexedDB until the first call.
const store = openEmbeddingStore();

export async function storageFacts(): Promise<StorageFacts> {
  const [usage, runs, training] = await Promise.all([storageUsage(), store.listRuns(), trainingStorage()]);
  return { usage, runs: runs.length, runBytes: runs.reduce((sum, run) => sum + run.bytes, 0), embeddingRuns: runs.map(summarizeStoredRun), training };
}

/** Deletes one run of computed embeddings: its chunks and records (other runs, text embeddings and models stay). */
export async function deleteEmbeddingRun(key: string): Promise<void> {
  await store.deleteRun(key);
}

/** Deletes every run of computed embeddings (text embeddings and models stay). */
export async function clearComputedEmbeddings(): Promise<void> {
  for (const run of await store.listRuns()) await store.deleteRun(run.key);
}
