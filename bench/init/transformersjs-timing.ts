import { RawImage, type Tensor } from '@huggingface/transformers';
import { snippetGrid } from '../../src/core/cdul/snippet-grid';
import type { FileSource } from '../../src/core/dataset-source';
import type { PixelRect } from '../../src/core/image/rgb-image';
import type { TransformersJsPeer } from './transformersjs-setup';

/**
 * What the lab computes per image, written as a transformers.js user would: the photo read from the
 * same source, decoded by the browser (RawImage), the whole image and its N×N snippets (the lab's
 * rectangles, core/cdul/snippet-grid.ts) through the model's CLIPImageProcessor as one batch, then
 * CLIPVisionModelWithProjection → image_embeds [1 + N², dim]. One image after another.
 */
export async function peerPass(peer: TransformersJsPeer, source: FileSource, files: readonly string[], grid: number): Promise<PeerTiming> {
  let crops = 0;
  let modelMs = 0;
  const started = performance.now();
  for (const file of files) {
    const image = await RawImage.fromBlob(new Blob([(await source.readBytes(file)) as Uint8Array<ArrayBuffer>]));
    const views = [image, ...(await Promise.all(snippetGrid(image.width, image.height, grid).map((rect) => image.crop(corners(rect)))))];
    const { pixel_values } = await peer.processor(views);
    const modelStarted = performance.now();
    const { image_embeds } = (await peer.model({ pixel_values })) as { image_embeds: Tensor };
    modelMs += performance.now() - modelStarted;
    if (image_embeds.dims[0] !== views.length) throw new Error(`transformers.js gave ${image_embeds.dims[0]} embeddings for ${views.length} crops of ${file}`);
    crops += views.length;
  }
  return { ms: performance.now() - started, modelMs, crops };
}

export interface PeerTiming {
  readonly ms: number;
  /** Of which inside the model (the rest: reading, decoding, cropping, preprocessing). */
  readonly modelMs: number;
  readonly crops: number;
}

/** RawImage.crop takes inclusive corners [x0, y0, x1, y1]. */
export const corners = (rect: PixelRect): [number, number, number, number] => [rect.x, rect.y, rect.x + rect.width - 1, rect.y + rect.height - 1];
