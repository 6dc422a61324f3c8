import { prepareChunk } from '../../src/core/initialization/prepare-chunk';
import { loadBrowserJpegCodec } from '../../src/worker/prepare/browser-jpeg-codec';
import type { ExecutionProvider } from '../../src/worker/protocol/pipeline-protocol';
import { sharedBenchInputs } from './bench-inputs';
import { CHUNK_SIZE, GRID } from './bench-setup';

export interface ModelTiming {
  /** Time inside the image encoder for every crop. */
  readonly ms: number;
  readonly crops: number;
}

/**
 * The model alone on the pipeline's crops: the same chunks (CHUNK_SIZE images, GRID), each prepared
 * untimed just before, through the same WebClipModel.encodeImages (sessions and batching). One chunk
 * at a time: all of voc-mini's crops at once would be 600 MB. The first chunk is encoded once more,
 * untimed, before the pass when `warmUp` (first runs allocate and compile).
 */
export async function timeModelOnly(provider: ExecutionProvider, limit: number | null, warmUp: boolean): Promise<ModelTiming> {
  const { source, ids, imageFiles, model } = await sharedBenchInputs(provider, limit);
  const jpeg = await loadBrowserJpegCodec();
  let ms = 0;
  let crops = 0;
  for (let start = 0, index = 0; start < ids.length; start += CHUNK_SIZE, index++) {
    const chunk = await prepareChunk(source, imageFiles, index, ids.slice(start, start + CHUNK_SIZE), { grid: GRID, config: model.config }, jpeg);
    const count = chunk.ids.length * chunk.cropsPerImage;
    if (warmUp && index === 0) await model.encodeImages(chunk.pixels, count);
    const started = performance.now();
    await model.encodeImages(chunk.pixels, count);
    ms += performance.now() - started;
    crops += count;
  }
  return { ms, crops };
}
