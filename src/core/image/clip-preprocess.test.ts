import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { snippetGrid } from '../cdul/snippet-grid';
import { SYNTHETIC_IMAGES, randomImage, uniformImage } from './__fixtures__/synthetic-images';
import {
  CLIP_PREPROCESS_DEFAULTS,
  clipCropOrigin,
  clipPreprocess,
  clipPreprocessInto,
  clipResizeSize,
  preprocessImageAndSnippets,
} from './clip-preprocess';
import type { PixelRect } from './rgb-image';

interface StoredFloats {
  readonly length: number;
  readonly sha256: string;
  readonly base64?: string;
  readonly samples?: readonly (readonly [number, number])[];
}
interface ClipCase {
  readonly name: string;
  readonly image: string;
  readonly size: number;
  readonly crop: number;
  readonly region?: PixelRect;
  readonly resized: readonly [number, number];
  readonly tensor: StoredFloats;
}
interface ClipReference {
  readonly pillow: string;
  readonly mean: readonly number[];
  readonly std: readonly number[];
  readonly cases: readonly ClipCase[];
  readonly snippets: { readonly grid: number; readonly size: number; readonly crop: number; readonly tensor: StoredFloats };
}

const REFERENCE = JSON.parse(
  readFileSync('e2e/fixtures/preprocess-reference/clip-reference.json', 'utf8'),
) as ClipReference;

const TOLERANCE = 1e-6;

function floatsOf(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Largest |actual − expected| over the stored values (all of them, or the samples of a big tensor). */
function maxError(actual: Float32Array, expected: StoredFloats): number {
  expect(actual.length).toBe(expected.length);
  const pairs: (readonly [number, number])[] = expected.base64
    ? [...floatsOf(expected.base64)].map((v, i) => [i, v] as const)
    : [...(expected.samples ?? [])];
  expect(pairs.length).toBeGreaterThan(0);
  return Math.max(...pairs.map(([i, v]) => Math.abs(actual[i]! - v)));
}

const sha256 = (values: Float32Array) =>
  createHash('sha256').update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength)).digest('hex');

describe(`CLIP preprocessing against Pillow ${REFERENCE.pillow} + NumPy (HF CLIPImageProcessor steps)`, () => {
  it('uses the same mean and std as the reference', () => {
    expect(REFERENCE.mean).toEqual(CLIP_PREPROCESS_DEFAULTS.mean);
    expect(REFERENCE.std).toEqual(CLIP_PREPROCESS_DEFAULTS.std);
  });

  it.each(REFERENCE.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const image = SYNTHETIC_IMAGES[c.image]!();
    const region = c.region ?? { x: 0, y: 0, width: image.width, height: image.height };
    const resized = clipResizeSize(region.width, region.height, c.size);
    expect([resized.width, resized.height]).toEqual(c.resized);
    const tensor = clipPreprocess(image, c.region, { size: c.size, crop: c.crop });
    expect(maxError(tensor, c.tensor)).toBeLessThanOrEqual(TOLERANCE);
    // Same float32 operations as NumPy, in the same order: equal to the last bit.
    expect(sha256(tensor)).toBe(c.tensor.sha256);
  });

  it('packs the global view and the 3×3 snippets (each cropped first) like the reference', () => {
    const { grid, size, crop, tensor } = REFERENCE.snippets;
    const image = randomImage();
    const packed = preprocessImageAndSnippets(image, snippetGrid(image.width, image.height, grid), { size, crop });
    expect(packed.length).toBe((1 + grid * grid) * 3 * crop * crop);
    expect(maxError(packed, tensor)).toBeLessThanOrEqual(TOLERANCE);
    expect(sha256(packed)).toBe(tensor.sha256);
  });
});

describe('CLIP preprocessing by hand', () => {
  it('maps a uniform (255, 0, 128) image to ((1 − mean) / std, …) everywhere', () => {
    // Resizing a uniform image keeps it uniform (the weights sum to 1), so every value is known:
    const expected = [
      (255 / 255 - 0.48145466) / 0.26862954, // = 1.930336…
      (0 / 255 - 0.4578275) / 0.26130258, // = −1.752097…
      (128 / 255 - 0.40821073) / 0.27577711, // = 0.339949…
    ];
    expect(expected.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([1.930336, -1.752097, 0.339949]);
    const tensor = clipPreprocess(uniformImage(500, 375, [255, 0, 128]));
    const plane = 224 * 224;
    for (let c = 0; c < 3; c++) {
      const channel = tensor.subarray(c * plane, (c + 1) * plane);
      expect(Math.min(...channel)).toBe(Math.max(...channel));
      expect(Math.abs(channel[0]! - expected[c]!)).toBeLessThan(1e-6);
    }
  });

  it('resizes the shorter side to size and truncates the other: 500×375 → 298×224, 375×500 → 224×298', () => {
    expect(clipResizeSize(500, 375, 224)).toEqual({ width: 298, height: 224 });
    expect(clipResizeSize(375, 500, 224)).toEqual({ width: 224, height: 298 });
    expect(clipResizeSize(166, 125, 224)).toEqual({ width: 297, height: 224 });
    expect(clipResizeSize(400, 400, 224)).toEqual({ width: 224, height: 224 });
    expect(clipResizeSize(500, 375, 448)).toEqual({ width: 597, height: 448 });
  });

  it('centre-crops with floor division, as HF does (torchvision would start 1 pixel later here)', () => {
    expect(clipCropOrigin(298, 224, 224)).toEqual({ x: 37, y: 0 });
    expect(clipCropOrigin(48, 32, 29)).toEqual({ x: 9, y: 1 }); // torchvision: round(1.5) = 2
    expect(clipCropOrigin(227, 227, 224)).toEqual({ x: 1, y: 1 });
  });

  it('writes into a caller buffer at an offset and leaves the rest untouched', () => {
    const image = randomImage();
    const options = { size: 16, crop: 16 };
    const alone = clipPreprocess(image, { x: 10, y: 20, width: 90, height: 60 }, options);
    const batch = new Float32Array(2 * alone.length + 5).fill(7);
    clipPreprocessInto(image, { x: 10, y: 20, width: 90, height: 60 }, options, batch, alone.length + 5);
    expect(batch.subarray(alone.length + 5)).toEqual(alone);
    expect(batch.subarray(0, alone.length + 5).every((v) => v === 7)).toBe(true);
    expect(() => clipPreprocessInto(image, undefined, options, batch, alone.length + 6)).toThrow(RangeError);
  });

  it('rejects a crop larger than the resize, and regions outside the image', () => {
    const image = randomImage();
    expect(() => clipPreprocess(image, undefined, { size: 16, crop: 32 })).toThrow(RangeError);
    expect(() => clipPreprocess(image, { x: 250, y: 0, width: 100, height: 10 })).toThrow(RangeError);
  });

  it('reuses a provided batch buffer for every image', () => {
    const image = randomImage();
    const grid = snippetGrid(image.width, image.height, 2);
    const buffer = new Float32Array(5 * 3 * 16 * 16);
    expect(preprocessImageAndSnippets(image, grid, { size: 16, crop: 16 }, buffer)).toBe(buffer);
    expect(() => preprocessImageAndSnippets(image, grid, {}, buffer)).toThrow(RangeError);
  });
});
