/** Chunks prepared ahead of the one being encoded: ~48 MB each (8 images × 10 crops at 224²). */
export const CHUNKS_AHEAD = 2;

/**
 * How many prepare workers to start, from navigator.hardwareConcurrency. On WASM, onnxruntime's
 * threads (one per core, see configureOnnxRuntime) compete with them for the same cores, which
 * suggests leaving cores to the model; but a prepare worker only runs while the look-ahead window
 * lacks a chunk, so more workers add no work, only the chance to decode in parallel. Decoding is
 * the bottleneck with small models (jpeg-js + Pillow-exact resizing: ~45 ms of one core per VOC
 * photo at a 3×3 grid, tiny-vit needs ~20 ms of the model per photo), and on 2 cores 2 workers beat 1
 * in every paired run of `npm run bench -- --only init`. More than CHUNKS_AHEAD would idle.
 */
export function preparePoolSize(cores: number): number {
  return Math.min(CHUNKS_AHEAD, Math.max(1, Math.floor(cores) || 1));
}
