/**
 * How the CPU side of a run is laid out: how many prepare workers, and how many chunks (or parts of
 * chunks: whatever the pipeline prepares at a time) may be started ahead of the one the model is
 * encoding — the look-ahead, the only queue, so the bound on memory. `npm run bench -- --only init`
 * measures the outcome (`init.overlap_efficiency`).
 */
export interface PreparePlan {
  readonly workers: number;
  /** Chunks started ahead of the one being encoded: at most `ahead + 1` prepared chunks exist at once. */
  readonly ahead: number;
}

/**
 * The most memory prepared chunks may take at once: float32 crops are 6 MB a photo at a 3×3 grid,
 * so 64 photos. With a real GPU and 16 cores that is 14 workers with parts of 2 photos (192 MB),
 * which prepare (~10 ms a photo each) far more than a GPU encodes through ViT-B/32.
 */
export const PREPARE_MEMORY_BYTES = 384 * 2 ** 20;

/**
 * One worker per core the model leaves free (`modelThreads`: inference/ort-web.ts modelCpuThreads),
 * at least one, as memory allows. Before, every core got a prepare worker beside onnxruntime's
 * thread on it: on 2 cores, 4 busy threads, and the run took longer than the naive page
 * (`init.speedup_vs_naive` 0.89). Each worker has one chunk to work on and one more is kept ready,
 * so the model waits only for the work itself, never for a request to be made.
 */
export function preparePlan(cores: number, modelThreads: number, chunkBytes: number): PreparePlan {
  const free = wholeAtLeastOne(cores) - wholeAtLeastOne(modelThreads);
  const inMemory = Math.max(2, Math.floor(PREPARE_MEMORY_BYTES / Math.max(1, chunkBytes)));
  const workers = Math.max(1, Math.min(free, inMemory - 1));
  return { workers, ahead: Math.min(workers + 1, inMemory - 1) };
}

/** Bytes of one prepared chunk: float32 crops of `images` photos. */
export function preparedChunkBytes(images: number, cropsPerImage: number, inputSize: number): number {
  return images * cropsPerImage * 3 * inputSize * inputSize * Float32Array.BYTES_PER_ELEMENT;
}

const wholeAtLeastOne = (n: number): number => Math.max(1, Math.floor(n) || 1);
