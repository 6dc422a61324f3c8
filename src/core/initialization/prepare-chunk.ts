import type { ClipModelConfig } from '../clip/model-signature';
import { DataError, type SkippedItem } from '../data-error';
import type { FileSource } from '../dataset-source';
import { decodeImage } from '../image/decode-image';
import { preprocessImageAndSnippets } from '../image/clip-preprocess';
import { mapLimited } from '../map-limited';
import { IMAGES_DIR } from './image-files';

/** A chunk of images decoded and cut into crops, ready for the image encoder. */
export interface PreparedChunk {
  readonly index: number;
  readonly ids: string[];
  readonly skipped: SkippedItem[];
  /** [ids.length × (1 + N²), 3, S, S]: per image its global crop, then its snippets row-major. */
  readonly pixels: Float32Array;
  readonly cropsPerImage: number;
}

export interface ChunkSettings {
  readonly grid: number;
  readonly config: Pick<ClipModelConfig, 'inputSize' | 'resizeShortestEdge' | 'cropSize' | 'mean' | 'std'>;
}

/**
 * Reads, decodes and preprocesses one chunk. A file that cannot be read or decoded is skipped with
 * its reason; the rest of the chunk goes on.
 */
export async function prepareChunk(
  source: FileSource,
  imageFiles: ReadonlyMap<string, string>,
  index: number,
  ids: readonly string[],
  settings: ChunkSettings,
): Promise<PreparedChunk> {
  const cropsPerImage = 1 + settings.grid * settings.grid;
  const { config } = settings;
  const cropValues = 3 * config.inputSize * config.inputSize;
  const results = await mapLimited(ids, 4, async (id) => {
    const file = imageFiles.get(id);
    if (!file) return new DataError(`${source.label}/${IMAGES_DIR}/${id}.jpg`, 'image file not found');
    const path = `${source.label}/${file}`;
    try {
      const image = decodeImage(await source.readBytes(file), path);
      return preprocessImageAndSnippets(image, settings.grid, {
        size: config.resizeShortestEdge,
        crop: config.cropSize,
        mean: config.mean,
        std: config.std,
      });
    } catch (error) {
      if (error instanceof DataError) return error;
      // e.g. an image too small for the grid: still this file's problem, not the run's.
      if (error instanceof RangeError) return new DataError(path, error.message);
      throw error;
    }
  });
  const kept = ids.flatMap((id, k) => (results[k] instanceof Float32Array ? [id] : []));
  const pixels = new Float32Array(kept.length * cropsPerImage * cropValues);
  let offset = 0;
  const skipped: SkippedItem[] = [];
  results.forEach((result, k) => {
    if (result instanceof Float32Array) {
      pixels.set(result, offset);
      offset += result.length;
    } else {
      skipped.push({ id: ids[k]!, reason: result.message });
    }
  });
  return { index, ids: kept, skipped, pixels, cropsPerImage };
}
