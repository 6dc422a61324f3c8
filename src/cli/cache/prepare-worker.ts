import { parentPort } from 'node:worker_threads';
import { prepareChunk, type ChunkSettings } from '../../core/initialization/prepare-chunk';
import { nodeJpegCodec } from '../image/node-jpeg-codec';
import { createNodeFileSource } from '../node-file-source';

/**
 * Decodes and preprocesses chunks off the main thread: onnxruntime-node's run() blocks the main
 * thread's event loop for the whole inference, so only another thread can prepare the next chunk
 * while the model works on the current one.
 */
export interface PrepareRequest {
  readonly datasetRoot: string;
  readonly imageFiles: [string, string][];
  readonly index: number;
  readonly ids: string[];
  readonly settings: ChunkSettings;
}

parentPort?.on('message', async (request: PrepareRequest) => {
  try {
    const source = createNodeFileSource(request.datasetRoot);
    const chunk = await prepareChunk(source, new Map(request.imageFiles), request.index, request.ids, request.settings, nodeJpegCodec());
    parentPort!.postMessage({ ok: true, chunk }, [chunk.pixels.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
