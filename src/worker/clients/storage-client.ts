import { openEmbeddingStore } from '../storage/embedding-store';
import { storageUsage, type StorageUsage } from '../storage/storage-usage';

export { requestPersistence } from '../storage/storage-usage';

/** What the lab keeps in this browser, for the storage panel. */
export interface StorageFacts {
  readonly usage: StorageUsage;
  /** Runs of image embeddings and their bytes. */
  readonly runs: number;
  readonly runBytes: number;
}

// Opening is lazy: nothing touches IndexedDB until the first call.
const store = openEmbeddingStore();

export async function storageFacts(): Promise<StorageFacts> {
  const [usage, runs] = await Promise.all([storageUsage(), store.listRuns()]);
  return { usage, runs: runs.length, runBytes: runs.reduce((sum, run) => sum + run.bytes, 0) };
}

/** Deletes every run of computed embeddings (text embeddings and models stay). */
export async function clearComputedEmbeddings(): Promise<void> {
  for (const run of await store.listRuns()) await store.deleteRun(run.key);
}
