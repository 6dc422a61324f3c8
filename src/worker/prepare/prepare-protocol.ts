import type { ChunkSettings, PreparedChunk } from '../../core/initialization/prepare-chunk';
import type { DatasetRef } from '../protocol/pipeline-protocol';

/**
 * Messages between the chunk preparer (in the pipeline worker) and each prepare worker. The dataset
 * travels once, as the same structured-cloneable reference the pipeline got; each request then names
 * only its chunk's files (the whole index of VOC trainval per request would cost more than the chunk),
 * and a recycled pixel buffer when the pipeline has one.
 */
export type ToPrepareWorker =
  /** `rootPath`: the dataset's root inside the chosen folder (image paths are relative to it). */
  | { readonly type: 'open'; readonly dataset: DatasetRef; readonly rootPath: string; readonly settings: ChunkSettings }
  | {
      readonly type: 'prepare';
      readonly index: number;
      readonly ids: readonly string[];
      readonly files: readonly (readonly [string, string])[];
      /** A buffer given back by the pipeline (transferred), to write this chunk into. */
      readonly buffer?: ArrayBuffer;
    };

/**
 * `pixels` of a prepared chunk arrive transferred, not copied. `alive` is sent as each file is read:
 * a worker that the browser stops (e.g. out of memory) sends no event at all, so the pool takes long
 * silence for death, and the heartbeat keeps that silence short even for huge images.
 */
export type FromPrepareWorker =
  | { readonly type: 'alive' }
  | { readonly type: 'prepared'; readonly chunk: PreparedChunk }
  | { readonly type: 'failed'; readonly index: number; readonly message: string };
