import type { ClipModelConfig } from '../clip/model-signature';
import { DataError, type SkippedItem } from '../data-error';
import type { FileSource } from '../dataset-source';
import { decodeImage } from '../image/decode-image';
import { preprocessImageAndSnippets } from '../image/clip-preprocess';
import type { JpegCodec } from '../image/jpeg-codec';
import { mapLimited } from '../map-limited';
import { displayPath } from '../datasets/source-paths';

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
 * Reads, decodes (JPEGs with `jpeg`, the environment's libjpeg-turbo) and preprocesses one chunk.
 * A file that cannot be read or decoded is skipped with its reason; the rest of the chunk goes on.
 * Each image's crops are written straight into the chunk's buffer, at its place in `ids`; skipped
 * images are squeezed out at the end, in place. `out`, when large enough, is that buffer (a recycled
 * one: a fresh 48 MB buffer costs ~4 ms of page faults per image here, a third of the work), and
 * `pixels` is then a view of its start.
 */
export async function prepareChunk(
  source: FileSource,
  imageFiles: ReadonlyMap<string, string>,
  index: number,
  ids: readonly string[],
  settings: ChunkSettings,
  jpeg: JpegCodec,
  out?: Float32Array,
): Promise<PreparedChunk> {
  const cropsPerImage = 1 + settings.grid * settings.grid;
  const { config } = settings;
  const imageValues = cropsPerImage * 3 * config.inputSize * config.inputSize;
  const options = { size: config.resizeShortestEdge, crop: config.cropSize, mean: config.mean, std: config.std };
  const length = ids.length * imageValues;
  const all = out && out.length >= length ? out.subarray(0, length) : new Float32Array(length);
  const problems = await mapLimited(ids, 4, async (id, k): Promise<DataError | null> => {
    const file = imageFiles.get(id);
    if (!file) return new DataError(source.label, `image ${id}: no image file listed for it`);
    const path = displayPath(source.label, file);
    try {
      const image = decodeImage(await source.readBytes(file), path, jpeg);
      preprocessImageAndSnippets(image, settings.grid, options, all.subarray(k * imageValues, (k + 1) * imageValues));
      return null;
    } catch (error) {
      if (error instanceof DataError) return error;
      // e.g. an image too small for the grid: still this file's problem, not the run's.
      if (error instanceof RangeError) return new DataError(path, error.message);
      throw error;
    }
  });
  const kept = ids.filter((_, k) => problems[k] === null);
  const skipped: SkippedItem[] = ids.flatMap((id, k) => (problems[k] ? [{ id, reason: problems[k].message }] : []));
  return { index, ids: kept, skipped, pixels: skipped.length === 0 ? all : squeeze(all, problems, imageValues), cropsPerImage };
}

/** The kept images' values moved to the front, in order (each moves only towards the start), and that front. */
function squeeze(all: Float32Array, problems: readonly (DataError | null)[], imageValues: number): Float32Array {
  let kept = 0;
  problems.forEach((problem, k) => {
    if (problem !== null) return;
    if (k !== kept) all.copyWithin(kept * imageValues, k * imageValues, (k + 1) * imageValues);
    kept++;
  });
  return all.subarray(0, kept * imageValues);
}
