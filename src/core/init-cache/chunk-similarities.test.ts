import { describe, expect, it } from 'vitest';
import { cosineSimilarities } from '../cdul/similarity';
import { seededRandom } from '../seeded-random';
import { createMatrix } from '../types';
import { splitChunkEmbeddings } from './chunk-embeddings';
import { accumulateSimilarities } from './chunk-similarities';

const sameBits = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((value, k) => Object.is(value, b[k]));

describe('similarities built chunk by chunk', () => {
  // 10 images, 2×2 grid, 6-d embeddings, 3 classes; chunks of 4, 1, 0 and 5 images (uneven, one empty).
  const snippets = 4;
  const dim = 6;
  const random = seededRandom(9);
  const chunks = [4, 1, 0, 5].map((images) => Float32Array.from({ length: images * (1 + snippets) * dim }, () => random() - 0.5));
  chunks[0]!.fill(0, dim * 2, dim * 3); // a zero snippet row: its cosines stay 0, not NaN
  const text = createMatrix(3, dim, Float32Array.from({ length: 3 * dim }, () => random() - 0.5));
  const whole = splitChunkEmbeddings(chunks, 10, snippets, dim);

  it('gives the cosines of the whole matrices, bit for bit, and the global embeddings in row order', () => {
    const accumulator = accumulateSimilarities(10, snippets, dim, text, { keepGlobal: true });
    for (const chunk of chunks) accumulator.add(chunk);
    const result = accumulator.finish();
    expect(sameBits(result.globalCos.data, cosineSimilarities(whole.globalEmbeds, text).data)).toBe(true);
    expect(sameBits(result.localCos.data, cosineSimilarities(whole.localEmbeds, text).data)).toBe(true);
    expect(sameBits(result.globalEmbeddings!.data, whole.globalEmbeds.data)).toBe(true);
    expect([result.localCos.rows, result.localCos.cols]).toEqual([40, 3]);
  });

  it('without text embeddings gathers only the global embeddings; without keepGlobal none', () => {
    const globals = accumulateSimilarities(10, snippets, dim, null, { keepGlobal: true });
    for (const chunk of chunks) globals.add(chunk);
    expect(sameBits(globals.finish().globalEmbeddings!.data, whole.globalEmbeds.data)).toBe(true);
    const cosinesOnly = accumulateSimilarities(10, snippets, dim, text, { keepGlobal: false });
    for (const chunk of chunks) cosinesOnly.add(chunk);
    expect(cosinesOnly.finish().globalEmbeddings).toBeNull();
  });

  it('refuses chunks of the wrong size, too many images, too few, or texts of another width', () => {
    const accumulator = accumulateSimilarities(10, snippets, dim, text, { keepGlobal: false });
    expect(() => accumulator.add(new Float32Array(7))).toThrow('not a whole number of images of 5 × 6');
    accumulator.add(chunks[0]!);
    expect(() => accumulator.finish()).toThrow('chunks hold 4 images, expected 10');
    accumulator.add(chunks[3]!);
    expect(() => accumulator.add(chunks[3]!)).toThrow('chunks hold more than 10 images');
    expect(() => accumulateSimilarities(10, snippets, 5, text, { keepGlobal: false })).toThrow('images have 5 dimensions, texts 6');
  });
});
