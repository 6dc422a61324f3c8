import { createMatrix, type Matrix } from '../types';

/**
 * Chunks store per image its global embedding followed by its N² snippet embeddings:
 * [images, 1 + N², d]. This splits a run of chunks into the global rows [n, d] and the snippet rows
 * [n × N², d], in chunk order.
 */
export function splitChunkEmbeddings(
  chunks: readonly Float32Array[],
  rows: number,
  snippets: number,
  d: number,
): { globalEmbeds: Matrix; localEmbeds: Matrix } {
  const globalEmbeds = createMatrix(rows, d);
  const localEmbeds = createMatrix(rows * snippets, d);
  let row = 0;
  for (const chunk of chunks) {
    const images = chunk.length / ((1 + snippets) * d);
    for (let i = 0; i < images; i++, row++) {
      const base = i * (1 + snippets) * d;
      globalEmbeds.data.set(chunk.subarray(base, base + d), row * d);
      localEmbeds.data.set(chunk.subarray(base + d, base + (1 + snippets) * d), row * snippets * d);
    }
  }
  if (row !== rows) throw new RangeError(`chunks hold ${row} images, expected ${rows}`);
  return { globalEmbeds, localEmbeds };
}
