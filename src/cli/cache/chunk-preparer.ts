import { Worker } from 'node:worker_threads';
import type { FileSource } from '../../core/dataset-source';
import { prepareChunk, type ChunkSettings, type PreparedChunk } from '../../core/initialization/prepare-chunk';
import { nodeJpegCodec } from '../image/node-jpeg-codec';
import type { PrepareRequest } from './prepare-worker';

/** Prepares chunks (decode + preprocessing) in a worker thread, one request at a time, in order. */
export interface ChunkPreparer {
  prepare(index: number, ids: string[]): Promise<PreparedChunk>;
  close(): Promise<void>;
}

type WorkerReply = { ok: true; chunk: PreparedChunk } | { ok: false; message: string };

export function createChunkPreparer(
  source: FileSource,
  datasetRoot: string,
  imageFiles: ReadonlyMap<string, string>,
  settings: ChunkSettings,
): ChunkPreparer {
  const worker = startWorker();
  if (!worker) {
    return { prepare: (index, ids) => prepareChunk(source, imageFiles, index, ids, settings, nodeJpegCodec()), close: async () => {} };
  }
  let queue: Promise<unknown> = Promise.resolve();
  return {
    prepare(index, ids) {
      // Only this chunk's files: the whole index (11,540 entries for VOC trainval) per request would cost more than the chunk.
      const files = ids.flatMap((id): [string, string][] => (imageFiles.has(id) ? [[id, imageFiles.get(id)!]] : []));
      const request: PrepareRequest = { datasetRoot, imageFiles: files, index, ids, settings };
      const reply = queue.then(() => ask(worker, request));
      queue = reply.catch(() => undefined);
      return reply;
    },
    close: () => worker.terminate().then(() => undefined),
  };
}

function ask(worker: Worker, request: PrepareRequest): Promise<PreparedChunk> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(new Error(`the preprocessing worker failed: ${error.message}`));
    worker.once('error', onError);
    worker.once('message', (reply: WorkerReply) => {
      worker.off('error', onError);
      if (reply.ok) resolve(reply.chunk);
      else reject(new Error(reply.message));
    });
    worker.postMessage(request);
  });
}

/** The worker runs the TypeScript source under the same loader (tsx) as this process; null if it cannot start. */
function startWorker(): Worker | null {
  try {
    // The CLI runs from TypeScript source through tsx; the worker needs the same loader to import it.
    const worker = new Worker(new URL('./prepare-worker-bootstrap.mjs', import.meta.url));
    worker.unref();
    return worker;
  } catch {
    return null;
  }
}
