import type { SkippedItem } from '../../core/data-error';
import type { CacheManifest } from '../../core/init-cache/cache-manifest';
import type { ImageStamp } from '../../core/init-cache/chunk-stamps';

/**
 * What the browser's initialization cache stores, and under which IndexedDB keys. All records of runs
 * live in ONE object store so that a chunk and the progress that marks it finished are written in one
 * transaction: either both are stored or neither (a crash or a full disk cannot leave a chunk marked
 * finished that is not there). Keys are arrays, which IndexedDB orders element by element, so the chunks
 * of a run form one contiguous key range, in index order.
 */

/** Everything a finished run needs to become a cache manifest (the CLI's `manifest.json`), minus skipped. */
export type RunMeta = Omit<CacheManifest, 'format' | 'version' | 'skipped' | 'shard'>;

/** ['run', runKey]: written once by openRun. Holds the id list, so it is not rewritten per chunk. */
export interface RunHeader {
  readonly key: string;
  readonly meta: RunMeta;
  /** Images per chunk; chunk i holds meta.ids[i·chunkSize, (i+1)·chunkSize) minus its skipped images. */
  readonly chunkSize: number;
  readonly totalChunks: number;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  /** The dataset's name as the lab showed it when the run started (the storage panel's list); absent in older runs. */
  readonly datasetLabel?: string;
}

/** ['progress', runKey]: the small record updated with every chunk, so a reload resumes. */
export interface RunProgress {
  /** Ascending. */
  readonly finishedChunks: number[];
  /** Images left out so far, in the order their chunks finished (each chunk also keeps its own). */
  readonly skipped: SkippedItem[];
  /** Bytes of the stored embeddings (the bulk of a run; ids and records add little). */
  readonly bytes: number;
  readonly updatedAt: number;
}

/** ['chunk', runKey, index]: one chunk's embeddings, packed (not one record per vector). */
export interface ChunkRecord {
  readonly index: number;
  readonly ids: string[];
  readonly skipped: SkippedItem[];
  /** [ids.length, 1 + N², d]: per image its global embedding, then its snippets row-major. */
  readonly shape: [number, number, number];
  /** Float32 values of `shape`, stored by structured clone (no JSON, no per-element keys). */
  readonly embeddings: ArrayBuffer;
}

/** A run as the API returns it: header and progress together. */
export type RunRecord = RunHeader & RunProgress;

/** What a caller hands to writeChunk. */
export interface ChunkInput {
  readonly ids: readonly string[];
  readonly skipped: readonly SkippedItem[];
  /** [ids.length, 1 + N², d] */
  readonly embeddings: Float32Array;
  /** The chunk's files as they were encoded (stored beside it, so a later run can tell an edited one). */
  readonly stamps?: readonly ImageStamp[];
}

/** A chunk as read back. */
export interface StoredChunk {
  readonly index: number;
  readonly ids: string[];
  readonly skipped: SkippedItem[];
  readonly shape: [number, number, number];
  readonly embeddings: Float32Array<ArrayBuffer>;
}

/** ['text', modelId, ...prompts] in the text-embedding store: exact prompts as key, so no hash can collide. */
export interface TextEmbeddingRecord {
  readonly modelId: string;
  readonly prompts: string[];
  /** [prompts.length, d] */
  readonly shape: [number, number];
  readonly embeddings: ArrayBuffer;
  readonly createdAt: number;
}

export const recordKeys = {
  header: (runKey: string): IDBValidKey => ['run', runKey],
  progress: (runKey: string): IDBValidKey => ['progress', runKey],
  chunk: (runKey: string, index: number): IDBValidKey => ['chunk', runKey, index],
  /** All chunks of one run (indices are non-negative integers). */
  chunks: (runKey: string) => IDBKeyRange.bound(['chunk', runKey, 0], ['chunk', runKey, Infinity]),
  /** ['stamps', runKey, index]: a chunk's files' sizes and times, small, read without its embeddings. */
  stamps: (runKey: string, index: number): IDBValidKey => ['stamps', runKey, index],
  allStamps: (runKey: string) => IDBKeyRange.bound(['stamps', runKey, 0], ['stamps', runKey, Infinity]),
  /** All records of one kind: an array sorts after every string, so ['run', []] bounds every ['run', key]. */
  allOf: (kind: 'run' | 'progress') => IDBKeyRange.bound([kind], [kind, []]),
  text: (modelId: string, prompts: readonly string[]): IDBValidKey => ['text', modelId, ...prompts],
};

/** The exact bytes of a float32 view as a plain ArrayBuffer (a copy when it is a window or shared memory). */
export function packFloat32(values: Float32Array): ArrayBuffer {
  const { buffer } = values;
  const whole = values.byteOffset === 0 && values.byteLength === buffer.byteLength;
  // A SharedArrayBuffer (multi-threaded WASM output) cannot be stored: structured clone refuses it.
  return whole && buffer instanceof ArrayBuffer ? buffer : values.slice().buffer;
}
