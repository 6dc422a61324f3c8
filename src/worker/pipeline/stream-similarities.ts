import { accumulateSimilarities, type ChunkSimilarities } from '../../core/init-cache/chunk-similarities';
import { createMatrix, type Matrix } from '../../core/types';
import { cosineEngine, type CosineEngine } from '../cosines/cosine-engine';
import type { EmbeddingChunks } from './embedding-chunks';

/**
 * The cosines of every chunk against `text` (and the global embeddings when `keepGlobal`), reading
 * the chunks one at a time while the engine's workers compute on the ones before: at most two blocks
 * per worker in flight, so memory holds a few chunks, never the run's snippet embeddings.
 */
export async function streamSimilarities(
  chunks: EmbeddingChunks,
  text: Matrix | null,
  keepGlobal: boolean,
  engine: CosineEngine = cosineEngine(),
): Promise<ChunkSimilarities> {
  const accumulator = accumulateSimilarities(chunks.ids.length, chunks.snippets, chunks.dim, text, { keepGlobal });
  const inFlight: Promise<void>[] = [];
  try {
    for await (const chunk of chunks.read()) {
      const place = accumulator.reserve(chunk);
      if (!text) continue;
      const placed = engine.cosines(createMatrix(chunk.length / chunks.dim, chunks.dim, chunk), text).then(place);
      placed.catch(() => undefined); // awaited below; a failure ends the read there
      inFlight.push(placed);
      if (inFlight.length >= 2 * engine.parallel) await inFlight.shift();
    }
  } finally {
    await Promise.allSettled(inFlight);
  }
  await Promise.all(inFlight);
  return accumulator.finish();
}

/** The global embeddings [n, d] of the chunks; the snippet embeddings go by, a chunk at a time. */
export async function globalEmbeddingsOf(chunks: EmbeddingChunks): Promise<Matrix> {
  return (await streamSimilarities(chunks, null, true)).globalEmbeddings!;
}
