import { RunMissingError, type ChunkInput, type EmbeddingStore } from '../storage/embedding-store';

export interface ChunkWriter {
  /** Starts storing `chunk` once the previous write is done (it waits for that one, not for this). */
  write(index: number, chunk: ChunkInput): Promise<void>;
  /** Waits for the last write; rejects with the first failure not yet seen. */
  flush(): Promise<void>;
}

export interface ChunkWriterOptions {
  /** Called after each chunk is stored. */
  readonly onStored: (index: number, chunk: ChunkInput) => void;
  /**
   * The run's records are gone (its database was deleted or cleared mid-run): create the run again;
   * the chunk is then written once more. Without it, the RunMissingError fails the write.
   */
  readonly reopenRun?: () => Promise<void>;
}

/**
 * Stores a run's chunks one at a time and in order, while the caller goes on encoding: a write waits
 * on the disk, not on the CPU, so the model does not have to. In order, the stored chunks are always
 * those encoded up to one (a reload resumes after them); a failed write (a full quota) is thrown by
 * the next write() or flush(), so the run stops one chunk later at most.
 */
export function createChunkWriter(store: EmbeddingStore, runKey: string, options: ChunkWriterOptions): ChunkWriter {
  let writing: Promise<void> = Promise.resolve();
  const store1 = async (index: number, chunk: ChunkInput): Promise<void> => {
    try {
      await store.writeChunk(runKey, index, chunk);
    } catch (error) {
      if (!(error instanceof RunMissingError) || !options.reopenRun) throw error;
      await options.reopenRun();
      await store.writeChunk(runKey, index, chunk);
    }
    options.onStored(index, chunk);
  };
  return {
    async write(index, chunk) {
      await writing;
      writing = store1(index, chunk);
      writing.catch(() => undefined); // seen by the next write() or flush(); not unhandled meanwhile
    },
    flush: () => writing,
  };
}
