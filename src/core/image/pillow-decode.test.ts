import { readdirSync, readFileSync } from 'node:fs';
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { nodeJpegCodec } from '../../cli/image/node-jpeg-codec';
import { snippetGrid } from '../cdul/snippet-grid';
import { CLIP_PREPROCESS_DEFAULTS, clipCropLength, clipCropPixels, preprocessImageAndSnippets } from './clip-preprocess';
import { decodeImage } from './decode-image';
import { readJpegStructure } from './jpeg-structure';
import type { RgbImage } from './rgb-image';

/**
 * e2e/fixtures/pillow-decode: what Pillow 9.4 (libjpeg-turbo 2.1.5) makes of 12 VOC photos and 6
 * variants (grey, progressive, 4:4:4, 4:2:2, odd size, Adobe CMYK) — decoded pixels, and the uint8
 * CLIP crops (whole image + 3×3 snippets) of 4 of them. The lab must give both bit for bit.
 */
const FIXTURE = 'e2e/fixtures/pillow-decode';
const MANIFEST = JSON.parse(readFileSync(`${FIXTURE}/manifest.json`, 'utf8')) as {
  readonly images: Readonly<Record<string, { readonly width: number; readonly height: number; readonly jpeg_mode: string }>>;
};
const NAMES = Object.keys(MANIFEST.images);
const CROPPED = [...new Set(readdirSync(`${FIXTURE}/crops`).map((file) => file.replace(/_\d\.png$/, '')))];
const codec = nodeJpegCodec();

function readPng(path: string): RgbImage {
  const png = decode(readFileSync(path));
  expect([png.channels, png.depth]).toEqual([3, 8]);
  return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length) };
}

/** How many bytes differ and the first few, so a failure shows where (not 700,000 numbers). */
function differences(actual: RgbImage, expected: RgbImage): { count: number; first: string[] } {
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  const first: string[] = [];
  let count = 0;
  for (let i = 0; i < expected.data.length; i++) {
    if (actual.data[i] === expected.data[i]) continue;
    if (count++ < 4) first.push(`pixel ${Math.floor(i / 3)} channel ${i % 3}: ${actual.data[i]} ≠ ${expected.data[i]}`);
  }
  return { count, first };
}

const decodeFixture = (name: string) => decodeImage(new Uint8Array(readFileSync(`${FIXTURE}/jpeg/${name}.jpg`)), `${name}.jpg`, codec);

describe("JPEG decoding is Pillow's, bit for bit", () => {
  it('covers every variant the fixture claims', () => {
    expect(NAMES).toHaveLength(18);
    const modes = NAMES.map((name) => MANIFEST.images[name]!.jpeg_mode);
    expect(new Set(modes)).toEqual(new Set(['RGB', 'L', 'CMYK']));
    const progressive = readJpegStructure(new Uint8Array(readFileSync(`${FIXTURE}/jpeg/variant_progressive.jpg`)), 'p.jpg');
    expect(progressive.frameType).toBe(0xc2);
    expect(CROPPED).toHaveLength(4);
  });

  it.each(NAMES)('%s', (name) => {
    expect(differences(decodeFixture(name), readPng(`${FIXTURE}/decoded/${name}.png`))).toEqual({ count: 0, first: [] });
  });
});

describe("CLIP crops are Pillow's resize + HF centre crop, bit for bit, and the tensor normalises them", () => {
  const { mean, std } = CLIP_PREPROCESS_DEFAULTS;
  /** HF's float path, written out here: float64 × 1/255 → float32, then (x − mean) / std in float32. */
  const normalised = (v: number, c: number) => Math.fround(Math.fround(Math.fround(v * (1 / 255)) - Math.fround(mean[c]!)) / Math.fround(std[c]!));

  it.each(CROPPED)('%s: the whole image and its 3×3 snippets', (name) => {
    const image = decodeFixture(name);
    const regions = [undefined, ...snippetGrid(image.width, image.height, 3)];
    const tensor = preprocessImageAndSnippets(image, 3);
    const length = clipCropLength();
    regions.forEach((region, k) => {
      const expected = readPng(`${FIXTURE}/crops/${name}_${k}.png`);
      expect([k, differences(clipCropPixels(image, region), expected)]).toEqual([k, { count: 0, first: [] }]);
      const plane = expected.width * expected.height;
      let wrong = 0;
      for (let i = 0; i < 3 * plane; i++) {
        const c = Math.floor(i / plane);
        if (tensor[k * length + i] !== normalised(expected.data[(i % plane) * 3 + c]!, c)) wrong++;
      }
      expect([k, wrong]).toEqual([k, 0]);
    });
  });
});
