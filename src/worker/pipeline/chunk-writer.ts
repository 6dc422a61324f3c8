import type { ChunkInput, EmbeddingStore } from '../storage/embedding-store';

export interface ChunkWriter {
  /** Starts storing `chunk` once the previous write is done (it waits for that one, not for this). */
  write(index: number, chunk: ChunkInput): Promise<void>;
  /** Waits for the last write; rejects with the first failure not yet seen. */
  flush(): Promise<void>;
}

/**
 * Stores a run's chunks one at a time and in order, while the caller goes on encoding: a write waits
 * on the disk, not on the CPU, so the model does not have to. In order, the stored chunks are always
 * those encoded up to one (a reload resumes after them); a failed write (a full quota) is thrown by
 * the next write() or flush(), so the run stops one chunk later at most.
 */
export function createChunkWriter(store: EmbeddingStore, runKey: string, onStored: (index: number, chunk: ChunkInput) => void): ChunkWriter {
  let writing: Promise<void> = Promise.resolve();
  return {
    async write(index, chunk) {
      await writing;
      writing = store.writeChunk(runKey, index, chunk).then(() => onStored(index, chunk));
      writing.catch(() => undefined); // seen by the next write() or flush(); not unhandled meanwhile
    },
    flush: () => writing,
  };
}
