import type { PreparedChunk } from '../../core/initialization/prepare-chunk';
import type { GpuKind } from '../inference/ort-web';
import { loadWebClipModel } from '../inference/web-clip-model';
import type { ModelFiles } from '../models/model-files';
import type { ExecutionProvider, FromWorker } from '../protocol/pipeline-protocol';
import { adviseBackend, backendToProbe } from './backend-advice';

type Post = (message: FromWorker) => void;

/**
 * Images through the image encoder, reported after every batch of crops (an image at a 3×3 grid is one
 * batch): "done / total", images/s and an ETA from the first image, not only when a chunk is stored.
 */
export function createEncodingCounter(total: number, fromCache: number, post: Post) {
  const started = performance.now();
  let finishedParts = fromCache;
  const report = (encoded: number) => {
    const seconds = (performance.now() - started) / 1000;
    const now = encoded - fromCache;
    const imagesPerSecond = now > 0 && seconds > 0 ? now / seconds : null;
    const etaSeconds = imagesPerSecond ? (total - encoded) / imagesPerSecond : null;
    post({ type: 'encoding', progress: { encoded, total, fromCache, imagesPerSecond, etaSeconds } });
  };
  report(fromCache);
  return {
    /** `crops` of the part in progress are through the model (`cropsPerImage` each). */
    crops(crops: number, cropsPerImage: number) {
      report(finishedParts + Math.floor(crops / Math.max(1, cropsPerImage)));
    },
    /** A part of `images` is encoded (its unreadable files count as done: they are not encoded again). */
    partDone(images: number) {
      finishedParts += images;
      report(finishedParts);
    },
  };
}

/** Times `crops` crops of one image on `provider` (a model loaded for this and released): seconds. */
export type ProbeBackend = (provider: ExecutionProvider, pixels: Float32Array, crops: number) => Promise<number>;

/** The probe on the run's model files, already in memory: nothing is downloaded again. */
export function probeOnLoadedFiles(modelId: string, files: ModelFiles): ProbeBackend {
  return async (provider, pixels, crops) => {
    const other = await loadWebClipModel(modelId, files, provider);
    try {
      const started = performance.now();
      await other.encodeImages(pixels, crops);
      return (performance.now() - started) / 1000;
    } finally {
      await other.release();
    }
  };
}

/**
 * The first part encoded times the running backend; the other one (when worth timing, backend-advice.ts)
 * encodes the part's first image; when it is much faster, a 'backend-advice' message offers it. Once a run.
 * Both timings are first uses (WebGPU's include compiling its shaders), so neither side is favoured.
 */
export function createBackendTiming(gpu: GpuKind, probe: ProbeBackend, post: Post) {
  let done = false;
  return {
    /** The first part, encoded in `seconds` (model time only); its pixels are still the caller's. */
    async partEncoded(provider: ExecutionProvider, part: Pick<PreparedChunk, 'ids' | 'pixels' | 'cropsPerImage'>, seconds: number): Promise<void> {
      const images = part.ids.length;
      if (done || images === 0) return;
      done = true;
      const other = backendToProbe(provider, gpu);
      if (!other) return;
      const firstImage = part.pixels.subarray(0, part.pixels.length / images);
      const probeSeconds = await probe(other, firstImage, part.cropsPerImage).catch(() => null);
      if (probeSeconds === null) return;
      const advice = adviseBackend({ provider, imagesPerSecond: images / seconds }, { provider: other, imagesPerSecond: 1 / probeSeconds });
      if (advice) post({ type: 'backend-advice', advice });
    },
  };
}
