import { stampsOf, type CurrentStamps } from '../../core/init-cache/chunk-stamps';
import { modelCpuThreads } from '../inference/ort-web';
import type { FromWorker } from '../protocol/pipeline-protocol';
import { createChunkPreparer } from '../prepare/chunk-preparer';
import { chunkParts, createChunkCollector, PART_IMAGES } from '../prepare/chunk-parts';
import { createLookAhead } from '../prepare/look-ahead';
import { preparedChunkBytes, preparePlan } from '../prepare/pool-size';
import { createChunkWriter } from './chunk-writer';
import type { EncodeContext } from './encode-context';
import { createBackendTiming, createEncodingCounter } from './encode-meters';

type Post = (message: FromWorker) => void;

/**
 * Encodes the chunks `todo`, in parts of a few images (prepare/chunk-parts.ts): the next parts are
 * decoded in prepare workers while the model runs, and each chunk is stored — with its files' stamps —
 * while the model encodes the next (pipeline/chunk-writer.ts). Returns per chunk the images it
 * encoded (a file that could not be read was not), or null when cancelled.
 */
export async function encodeParts(context: EncodeContext, todo: readonly number[], current: CurrentStamps): Promise<Map<number, number> | null> {
  const { request, control, store, post, source, rootPath, model, imageFiles, key, chunks } = context;
  const total = chunks.flat().length;
  const fromCache = total - todo.reduce((n, index) => n + chunks[index]!.length, 0);
  post({ type: 'stage', stage: 'Encoding images…' }); // after the check of the stored chunks' files
  const progress = createProgressCounter(total, fromCache, post);
  const encoding = createEncodingCounter(total, fromCache, post);
  const timing = createBackendTiming(context.gpu, context.probe, post);
  // A pool of prepare workers on the cores the model leaves free, a bounded number of parts ahead.
  const partBytes = preparedChunkBytes(PART_IMAGES, 1 + request.grid ** 2, model.config.inputSize);
  const plan = preparePlan(navigator.hardwareConcurrency, modelCpuThreads(model.provider), partBytes);
  const settings = { grid: request.grid, config: model.config };
  const preparer = createChunkPreparer({ dataset: request.dataset, rootPath, source, imageFiles, settings, workers: plan.workers });
  const parts = chunkParts(todo, chunks);
  const ahead = createLookAhead(parts, (part) => preparer.prepare(part.chunk, part.ids), plan.ahead);
  const collector = createChunkCollector();
  const encoded = new Map<number, number>();
  const writer = createChunkWriter(store, key, {
    onStored: (index, chunk) => {
      encoded.set(index, chunk.ids.length);
      if (chunk.skipped.length) post({ type: 'skipped', items: [...chunk.skipped] });
      progress.add(chunks[index]!.length, chunk.skipped.length);
    },
    reopenRun: context.reopenRun,
  });
  try {
    for (const part of parts) {
      if ((await control.checkpoint(() => post({ type: 'paused' }))) === 'cancel') {
        await writer.flush();
        return null;
      }
      const prepared = await ahead.next()!;
      const crops = prepared.ids.length * prepared.cropsPerImage;
      const started = performance.now();
      const onCrops = (done: number) => encoding.crops(done, prepared.cropsPerImage);
      const embeddings = crops > 0 ? (await model.encodeImages(prepared.pixels, crops, onCrops)).data : new Float32Array(0);
      encoding.partDone(part.ids.length);
      await timing.partEncoded(model.provider, prepared, (performance.now() - started) / 1000);
      preparer.release(prepared);
      const chunk = collector.add(part, { ids: prepared.ids, skipped: prepared.skipped, embeddings });
      if (chunk) await writer.write(part.chunk, { ...chunk, stamps: stampsOf(chunks[part.chunk]!, current) });
    }
    await writer.flush();
  } finally {
    preparer.close();
  }
  progress.add(0, 0);
  return encoded;
}

function createProgressCounter(total: number, fromCache: number, post: Post) {
  const started = performance.now();
  let done = fromCache;
  let skipped = 0;
  return {
    add(images: number, newlySkipped: number) {
      done += images;
      skipped += newlySkipped;
      const seconds = (performance.now() - started) / 1000;
      const rate = (done - fromCache) / Math.max(seconds, 1e-9);
      const etaSeconds = rate > 0 ? (total - done) / rate : null;
      post({ type: 'progress', progress: { done, total, skipped, fromCache, imagesPerSecond: rate, etaSeconds } });
    },
  };
}
