import { RawImage, type Tensor } from '@huggingface/transformers';
import { snippetGrid } from '../../src/core/cdul/snippet-grid';
import { decodeImage } from '../../src/core/image/decode-image';
import type { RgbImage } from '../../src/core/image/rgb-image';
import { loadBrowserJpegCodec } from '../../src/worker/prepare/browser-jpeg-codec';
import { round } from '../measure';
import type { Figures } from './bench-protocol';
import { corners } from './transformersjs-timing';
import type { TransformersJsPeer } from './transformersjs-setup';

const FIXTURE = '/e2e/fixtures/pillow-decode';
/** The fixture's images with Pillow crops (crops/<name>_<k>.png, k = 0 the whole image, 1…9 the 3×3 snippets). */
const CROPPED = ['2007_000027', '2007_000032', '2007_000033', 'variant_odd_size'];
const GRID = 3;

async function fetchBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * How far transformers.js's crops are from Pillow's (e2e/fixtures/pillow-decode, which the lab
 * matches exactly): each fixture photo decoded by the browser, cropped and run through its
 * CLIPImageProcessor without normalisation, ×255 back to 0…255, against Pillow's uint8 crop; over
 * 40 crops, the largest and the mean |difference| in grey levels, and the share of values that match.
 * The largest difference in the normalised tensor is that ÷ (255 · std) of its channel.
 */
export async function peerCropDifferences(peer: TransformersJsPeer): Promise<Figures> {
  const jpeg = await loadBrowserJpegCodec(); // decodeImage's JPEG codec; Pillow's crops are PNGs (fast-png)
  let max = 0;
  let sum = 0;
  let equal = 0;
  let count = 0;
  for (const name of CROPPED) {
    const image = await RawImage.fromBlob(new Blob([(await fetchBytes(`${FIXTURE}/jpeg/${name}.jpg`)) as Uint8Array<ArrayBuffer>]));
    const views = [image, ...(await Promise.all(snippetGrid(image.width, image.height, GRID).map((rect) => image.crop(corners(rect)))))];
    for (const [k, view] of views.entries()) {
      const pillow = decodeImage(await fetchBytes(`${FIXTURE}/crops/${name}_${k}.png`), `${name}_${k}.png`, jpeg);
      const { pixel_values } = (await peer.processor.preprocess(view, { do_normalize: false })) as { pixel_values: Tensor };
      for (const difference of differences(pixel_values.data as Float32Array, pillow)) {
        max = Math.max(max, difference);
        sum += difference;
        equal += difference === 0 ? 1 : 0;
        count++;
      }
    }
  }
  return {
    'init.peer_transformersjs_crop_max_abs_diff': max,
    'init.peer_transformersjs_crop_mean_abs_diff': round(sum / count, 3),
    'init.peer_transformersjs_crop_equal_share': round(equal / count, 4),
  };
}

/** |transformers.js − Pillow| per value, in grey levels: `chw` is [3, h, w] of v / 255, Pillow's crop is RGB rows. */
function* differences(chw: Float32Array, pillow: RgbImage): Generator<number> {
  const plane = pillow.width * pillow.height;
  if (chw.length !== 3 * plane) throw new Error(`transformers.js made a crop of ${chw.length / 3} pixels, Pillow one of ${plane}`);
  for (let c = 0; c < 3; c++) {
    for (let p = 0; p < plane; p++) yield Math.abs(Math.round(chw[c * plane + p]! * 255) - pillow.data[p * 3 + c]!);
  }
}
