import { decodeImage } from '../../src/core/image/decode-image';
import { clipCropLength, preprocessImageAndSnippets } from '../../src/core/image/clip-preprocess';
import type { JpegCodec } from '../../src/core/image/jpeg-codec';
import { ort } from '../../src/worker/inference/ort-web';
import { loadBrowserJpegCodec } from '../../src/worker/prepare/browser-jpeg-codec';
import { openBenchInputs, type BenchInputs } from './bench-inputs';
import { GRID } from './bench-setup';

export interface NaiveTiming {
  readonly ms: number;
  /** Of which reading, decoding and preprocessing (the rest is the model). */
  readonly prepareMs: number;
}

export interface NaivePipeline {
  pass(): Promise<NaiveTiming>;
  release(): Promise<void>;
}

/**
 * The straightforward pipeline the lab is compared with: on the page's main thread, each image read,
 * decoded and preprocessed, then each of its crops encoded as a batch of 1, one after the other.
 * Same decoder, preprocessing and onnxruntime-web sessions (WASM) as the lab, with onnxruntime's
 * own default thread count (a straightforward page does not tune it).
 */
export async function openNaivePipeline(limit: number | null): Promise<NaivePipeline> {
  ort.env.wasm.wasmPaths = new URL('/ort/', location.href).href;
  const inputs = await openBenchInputs('wasm', limit, { configure: false });
  const jpeg = await loadBrowserJpegCodec();
  await naivePass(inputs, jpeg, inputs.ids.slice(0, 4)); // warm-up
  return { pass: () => naivePass(inputs, jpeg, inputs.ids), release: () => inputs.model.release() };
}

async function naivePass({ source, imageFiles, model }: BenchInputs, jpeg: JpegCodec, ids: readonly string[]): Promise<NaiveTiming> {
  const { config } = model;
  const options = { size: config.resizeShortestEdge, crop: config.cropSize, mean: config.mean, std: config.std };
  const cropValues = clipCropLength(options);
  let prepareMs = 0;
  const started = performance.now();
  for (const id of ids) {
    const path = imageFiles.get(id)!;
    const before = performance.now();
    const pixels = preprocessImageAndSnippets(decodeImage(await source.readBytes(path), path, jpeg), GRID, options);
    prepareMs += performance.now() - before;
    for (let k = 0; k < pixels.length / cropValues; k++) await model.encodeImages(pixels.subarray(k * cropValues, (k + 1) * cropValues), 1);
  }
  return { ms: performance.now() - started, prepareMs };
}
