import type { Matrix } from '../../core/types';
import type { EmbeddingStore, RunRecord, StoredChunk } from '../storage/embedding-store';

/**
 * A run's image embeddings as the embedding store keeps them — chunks of [k, 1 + N², d], per image its
 * global embedding then its N² snippets, in row order — read again whenever the cosines are
 * recomputed (another prompt set), so the snippet embeddings never need one buffer.
 */
export interface EmbeddingChunks {
  /** The rows' image ids, in order (skipped images are not rows). */
  readonly ids: readonly string[];
  /** N² of the snippet grid. */
  readonly snippets: number;
  readonly dim: number;
  /** The chunks, one at a time, in row order. */
  read(): AsyncIterable<Float32Array> | Iterable<Float32Array>;
}

/** Chunk reads in flight while the previous chunk is computed on (IndexedDB reads overlap the cosines). */
const READ_AHEAD = 4;

/**
 * The chunks of a finished run in the store. The rows are its ids minus the skipped images (chunk i
 * holds ids[i·size, (i+1)·size) minus its skipped ones); a chunk that holds other images than that
 * order says (the run was replaced while it was read) rejects the read.
 */
export function storedChunks(store: EmbeddingStore, run: RunRecord): EmbeddingChunks {
  if (run.finishedChunks.length !== run.totalChunks) {
    throw new RangeError(`run ${run.key} is not finished (${run.finishedChunks.length} of ${run.totalChunks} chunks stored)`);
  }
  const skipped = new Set(run.skipped.map((item) => item.id));
  const ids = run.meta.ids.filter((id) => !skipped.has(id));
  return {
    ids,
    snippets: run.meta.grid ** 2,
    dim: run.meta.model.embedDim,
    async *read() {
      let row = 0;
      for await (const chunk of readAhead(store, run)) {
        const misplaced = chunk.ids.findIndex((id, i) => ids[row + i] !== id);
        if (misplaced >= 0) throw new Error(`chunk ${chunk.index} of run ${run.key} holds ${chunk.ids[misplaced]} where ${ids[row + misplaced] ?? 'no image'} belongs: the run changed while it was read`);
        row += chunk.ids.length;
        yield chunk.embeddings;
      }
    },
  };
}

async function* readAhead(store: EmbeddingStore, run: RunRecord): AsyncGenerator<StoredChunk> {
  const pending: Promise<StoredChunk>[] = [];
  let next = 0;
  const fill = () => {
    while (pending.length < READ_AHEAD && next < run.finishedChunks.length) {
      const read = store.readChunk(run.key, run.finishedChunks[next++]!);
      read.catch(() => undefined); // a read left behind by an earlier failure must not be an unhandled rejection
      pending.push(read);
    }
  };
  fill();
  while (pending.length > 0) {
    const chunk = await pending.shift()!;
    fill();
    yield chunk;
  }
}

/** Chunks held in memory: read synchronously. */
export interface MemoryChunks extends EmbeddingChunks {
  read(): Iterable<Float32Array>;
}

/** Embeddings held in memory (synthetic runs, tests) as the same chunks, `imagesPerChunk` images each. */
export function memoryChunks(global: Matrix, local: Matrix, ids: readonly string[], snippets: number, imagesPerChunk = 256): MemoryChunks {
  const dim = global.cols;
  if (global.rows !== ids.length || local.rows !== ids.length * snippets || local.cols !== dim) {
    throw new RangeError(`embeddings of ${global.rows} images and ${local.rows} snippets for ${ids.length} ids × ${snippets} snippets`);
  }
  return {
    ids,
    snippets,
    dim,
    *read() {
      for (let first = 0; first < ids.length; first += imagesPerChunk) {
        const count = Math.min(imagesPerChunk, ids.length - first);
        const chunk = new Float32Array(count * (1 + snippets) * dim);
        for (let i = 0; i < count; i++) {
          const image = first + i;
          chunk.set(global.data.subarray(image * dim, (image + 1) * dim), i * (1 + snippets) * dim);
          chunk.set(local.data.subarray(image * snippets * dim, (image + 1) * snippets * dim), (i * (1 + snippets) + 1) * dim);
        }
        yield chunk;
      }
    },
  };
}

