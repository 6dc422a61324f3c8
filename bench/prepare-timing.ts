import { preprocessImageAndSnippets } from '../src/core/image/clip-preprocess';
import { decodeImage } from '../src/core/image/decode-image';
import type { JpegCodec } from '../src/core/image/jpeg-codec';

export const PREPARE_GRID = 3; // the global view + 9 snippets: 10 crops per photo
export const PREPARE_ROUNDS = 5;

export interface PrepareTiming {
  /** Median over the photos of each photo's median over the rounds: decode + all crops. */
  readonly totalMs: number;
  readonly decodeMs: number;
  readonly cropsMs: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * What preparing one photo costs one thread, as a prepare worker does it (bytes already read):
 * decode with `jpeg`, then the whole image and the 3×3 snippets preprocessed into one reused buffer.
 * One untimed round first (JIT, WebAssembly instance, resampling plans), then `rounds` timed ones.
 */
export function timePrepare(photos: readonly Uint8Array[], jpeg: JpegCodec, rounds = PREPARE_ROUNDS): PrepareTiming {
  let out: Float32Array | undefined;
  const times = photos.map(() => ({ total: [] as number[], decode: [] as number[], crops: [] as number[] }));
  for (let round = -1; round < rounds; round++) {
    photos.forEach((bytes, k) => {
      const start = performance.now();
      const image = decodeImage(bytes, `photo ${k}`, jpeg);
      const decoded = performance.now();
      out = preprocessImageAndSnippets(image, PREPARE_GRID, {}, out);
      const end = performance.now();
      if (round < 0) return;
      times[k]!.total.push(end - start);
      times[k]!.decode.push(decoded - start);
      times[k]!.crops.push(end - decoded);
    });
  }
  return {
    totalMs: median(times.map((t) => median(t.total))),
    decodeMs: median(times.map((t) => median(t.decode))),
    cropsMs: median(times.map((t) => median(t.crops))),
  };
}
