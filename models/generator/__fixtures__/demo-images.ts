import { encode } from 'jpeg-js';
import { nodeJpegCodec } from '../../../src/cli/image/node-jpeg-codec';
import { decodeImage } from '../../../src/core/image/decode-image';
import { seededRandom } from '../../../src/core/seeded-random';
import { CLIP_IMAGE_MEAN, CLIP_IMAGE_STD } from '../clip-architecture';
import type { Rgb } from '../demo-palette';

/** Hand-made square RGBA test images for demo-clip, and their CLIP pixel_values. */
export interface RgbaImage {
  readonly size: number;
  readonly data: Uint8Array;
}

export function paint(size: number, colourAt: (x: number, y: number) => Rgb): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      data.set([...colourAt(x, y), 255], (y * size + x) * 4);
    }
  }
  return { size, data };
}

/** The demo dataset's background noise: one offset in [−amplitude, amplitude] on all three channels. */
export function withLuminanceNoise(image: RgbaImage, amplitude: number, seed: number): RgbaImage {
  const random = seededRandom(seed);
  const data = image.data.slice();
  for (let offset = 0; offset < data.length; offset += 4) {
    const noise = Math.floor(random() * (2 * amplitude + 1)) - amplitude;
    for (let k = 0; k < 3; k++) data[offset + k] = Math.min(255, Math.max(0, data[offset + k]! + noise));
  }
  return { size: image.size, data };
}

/** Encoded as the demo dataset is (jpeg-js), decoded as the lab decodes (libjpeg-turbo). */
export function jpegRoundTrip(image: RgbaImage, quality: number): RgbaImage {
  const jpeg = encode({ data: image.data, width: image.size, height: image.size }, quality);
  const { data: rgb } = decodeImage(new Uint8Array(jpeg.data), 'round-trip.jpg', nodeJpegCodec());
  const data = new Uint8Array(image.size * image.size * 4).fill(255);
  for (let i = 0; i < rgb.length / 3; i++) data.set(rgb.subarray(3 * i, 3 * i + 3), 4 * i);
  return { size: image.size, data };
}

/** [images, 3, size, size] float32, (c/255 − mean)/std: CLIP's preprocessing of an image already at size. */
export function pixelValues(images: readonly RgbaImage[]): Float32Array {
  const size = images[0]!.size;
  const plane = size * size;
  const out = new Float32Array(images.length * 3 * plane);
  images.forEach((image, n) => {
    for (let i = 0; i < plane; i++) {
      for (let k = 0; k < 3; k++) {
        out[(n * 3 + k) * plane + i] = (image.data[i * 4 + k]! / 255 - CLIP_IMAGE_MEAN[k]!) / CLIP_IMAGE_STD[k]!;
      }
    }
  });
  return out;
}
