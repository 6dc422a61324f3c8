import { chunkParts } from '../../src/worker/prepare/chunk-parts';
import { createChunkPreparer } from '../../src/worker/prepare/chunk-preparer';
import { createLookAhead } from '../../src/worker/prepare/look-ahead';
import { sharedBenchInputs } from './bench-inputs';
import { CHUNK_SIZE, GRID, vocMini } from './bench-setup';

/**
 * The CPU side alone: everything the pipeline prepares (its chunks in the same parts) read, decoded
 * and cut into crops by ONE prepare worker of the lab's pool, buffers given back as the pipeline
 * does, no model. Divided by the pipeline's worker count it is the least time its pool could take
 * (init.overlap_efficiency).
 */
export async function timePrepareOnly(limit: number | null): Promise<{ ms: number; images: number }> {
  const { source, ids, imageFiles, model } = await sharedBenchInputs('wasm', limit);
  const chunks = Array.from({ length: Math.ceil(ids.length / CHUNK_SIZE) }, (_, k) => ids.slice(k * CHUNK_SIZE, (k + 1) * CHUNK_SIZE));
  const parts = chunkParts(chunks.map((_, index) => index), chunks);
  const started = performance.now();
  const preparer = createChunkPreparer({ dataset: vocMini(), rootPath: '', source, imageFiles, settings: { grid: GRID, config: model.config }, workers: 1 });
  try {
    const ahead = createLookAhead(parts, (part) => preparer.prepare(part.chunk, part.ids), 2);
    let images = 0;
    for (let next = ahead.next(); next; next = ahead.next()) {
      const prepared = await next;
      images += prepared.ids.length;
      preparer.release(prepared);
    }
    return { ms: performance.now() - started, images };
  } finally {
    preparer.close();
  }
}
