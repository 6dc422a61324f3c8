import { cosineSimilarities } from '../cdul/similarity';
import { createMatrix, type Matrix } from '../types';

/** What a run's chunks become: the cosine matrices and, when asked for, the global embeddings. */
export interface ChunkSimilarities {
  /** [n, C] cosines of the whole images; empty (0 columns) without text embeddings. */
  readonly globalCos: Matrix;
  /** [n × N², C] cosines of the snippets; empty (0 columns) without text embeddings. */
  readonly localCos: Matrix;
  /** [n, d], or null when not kept. */
  readonly globalEmbeddings: Matrix | null;
}

/** Takes a run's chunks one after another, in row order. */
export interface SimilarityAccumulator {
  /** One chunk as stored: [k, 1 + N², d], per image its global embedding then its snippets. */
  add(chunk: Float32Array): void;
  /**
   * The same in two steps, for cosines computed elsewhere (another thread): the chunk takes the next
   * rows now (its global embeddings are copied now, so the chunk may be handed away after); the
   * returned function places its cosines, [k × (1 + N²), C] = cosineSimilarities(chunk as rows, text),
   * whenever they arrive.
   */
  reserve(chunk: Float32Array): (cosines: Matrix) => void;
  /** The matrices, once every one of the `images` rows was added and placed; RangeError otherwise. */
  finish(): ChunkSimilarities;
}

/**
 * The similarities of a run of `images` images, built chunk by chunk, so the snippet embeddings
 * (1.5 GB at COCO-train size: 82,783 images × 3×3 × 512-d) never sit in one buffer: each chunk's rows
 * go through cosineSimilarities as one matrix — every output row depends on its input row alone, so the
 * cosines are those of the whole matrices, bit for bit — and are placed at the chunk's rows. With
 * `text` null only the global embeddings are gathered (a classifier head's features).
 */
export function accumulateSimilarities(
  images: number,
  snippets: number,
  dim: number,
  text: Matrix | null,
  options: { readonly keepGlobal: boolean },
): SimilarityAccumulator {
  if (text && text.cols !== dim) throw new RangeError(`embedding widths differ: images have ${dim} dimensions, texts ${text.cols}`);
  const classes = text?.rows ?? 0;
  const crops = 1 + snippets;
  const globalCos = createMatrix(images, classes);
  const localCos = createMatrix(images * snippets, classes);
  const globalEmbeddings = options.keepGlobal ? createMatrix(images, dim) : null;
  let row = 0;
  let unplaced = 0;
  const accumulator: SimilarityAccumulator = {
    add(chunk) {
      const place = accumulator.reserve(chunk);
      if (text) place(cosineSimilarities(createMatrix(chunk.length / dim, dim, chunk), text));
    },
    reserve(chunk) {
      const count = chunk.length / (crops * dim);
      if (!Number.isInteger(count)) throw new RangeError(`a chunk of ${chunk.length} values is not a whole number of images of ${crops} × ${dim}`);
      if (row + count > images) throw new RangeError(`chunks hold more than ${images} images`);
      if (globalEmbeddings) {
        for (let i = 0; i < count; i++) globalEmbeddings.data.set(chunk.subarray(i * crops * dim, (i * crops + 1) * dim), (row + i) * dim);
      }
      const first = row;
      row += count;
      if (!text) return () => {};
      unplaced++;
      return (cosines) => {
        if (cosines.rows !== count * crops || cosines.cols !== classes) throw new RangeError(`cosines of ${cosines.rows} × ${cosines.cols} for ${count} images of ${crops} crops × ${classes} classes`);
        placeCosines(cosines, first, snippets, globalCos, localCos);
        unplaced--;
      };
    },
    finish() {
      if (row !== images) throw new RangeError(`chunks hold ${row} images, expected ${images}`);
      if (unplaced > 0) throw new RangeError(`the cosines of ${unplaced} chunks were not placed`);
      return { globalCos, localCos, globalEmbeddings };
    },
  };
  return accumulator;
}

/** A chunk's cosines [k × (1 + N²), C] → rows `first…` of the global and snippet matrices. */
function placeCosines(cosines: Matrix, first: number, snippets: number, globalCos: Matrix, localCos: Matrix): void {
  const classes = cosines.cols;
  const crops = 1 + snippets;
  for (let i = 0; i < cosines.rows / crops; i++) {
    const base = i * crops * classes;
    globalCos.data.set(cosines.data.subarray(base, base + classes), (first + i) * classes);
    localCos.data.set(cosines.data.subarray(base + classes, base + crops * classes), (first + i) * snippets * classes);
  }
}
