import type { SkippedItem } from '../../core/data-error';
import type { ChunkInput } from '../storage/run-records';

/**
 * A stored chunk (the unit of storage and of resuming: chunk i always holds the same images) is
 * prepared and encoded in parts of a few images. The model cannot start before the first part is
 * prepared, and the last part is encoded after the prepare workers are done: with parts of 2 photos
 * instead of chunks of 8, both waits shrink fourfold. The model's batches do not change (it runs
 * MAX_CROPS_PER_RUN crops at a time, one photo's crops at a 3×3 grid), nor does what is stored.
 */
export const PART_IMAGES = 2;

export interface ChunkPart {
  /** The stored chunk the part belongs to. */
  readonly chunk: number;
  readonly ids: readonly string[];
  /** The chunk's last part: once it is encoded, the chunk is complete. */
  readonly last: boolean;
}

/** The parts of the chunks `todo`, in order. */
export function chunkParts(todo: readonly number[], chunks: readonly (readonly string[])[], partImages = PART_IMAGES): ChunkPart[] {
  if (!Number.isInteger(partImages) || partImages < 1) throw new RangeError(`a part needs a whole number ≥ 1 of images, got ${partImages}`);
  return todo.flatMap((chunk) => {
    const ids = chunks[chunk]!;
    const count = Math.max(1, Math.ceil(ids.length / partImages));
    return Array.from({ length: count }, (_, k) => ({ chunk, ids: ids.slice(k * partImages, (k + 1) * partImages), last: k === count - 1 }));
  });
}

export interface EncodedPart {
  /** The part's images that were prepared (the others are in skipped). */
  readonly ids: readonly string[];
  readonly skipped: readonly SkippedItem[];
  /** [ids.length, crops per image, d] */
  readonly embeddings: Float32Array;
}

/** Gathers the encoded parts, given in order, into their chunk; the whole chunk comes back with its last part. */
export function createChunkCollector(): { add(part: ChunkPart, encoded: EncodedPart): ChunkInput | null } {
  let parts: EncodedPart[] = [];
  return {
    add(part, encoded) {
      parts.push(encoded);
      if (!part.last) return null;
      const embeddings = new Float32Array(parts.reduce((n, p) => n + p.embeddings.length, 0));
      parts.reduce((offset, p) => (embeddings.set(p.embeddings, offset), offset + p.embeddings.length), 0);
      const chunk: ChunkInput = { ids: parts.flatMap((p) => p.ids), skipped: parts.flatMap((p) => p.skipped), embeddings };
      parts = [];
      return chunk;
    },
  };
}
