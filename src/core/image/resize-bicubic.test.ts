import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SYNTHETIC_IMAGES, gradientImage, randomImage } from './__fixtures__/synthetic-images';
import { computeBicubicCoefficients, PRECISION_BITS } from './resample-coefficients';
import { cropResizeBicubic, resizeBicubic, type ResizeBox } from './resize-bicubic';
import type { RgbImage } from './rgb-image';

interface StoredBytes {
  readonly sha256: string;
  readonly base64?: string;
  readonly samples?: readonly (readonly [number, number])[];
}
interface ResizeCase {
  readonly name: string;
  readonly image: string;
  readonly width: number;
  readonly height: number;
  readonly mode: 'box' | 'crop';
  readonly box?: readonly [number, number, number, number];
  readonly pixels: StoredBytes;
}

const REFERENCE = JSON.parse(
  readFileSync('e2e/fixtures/preprocess-reference/resize-reference.json', 'utf8'),
) as { readonly pillow: string; readonly cases: readonly ResizeCase[] };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Bit-exact comparison; on a mismatch, reports the first differing bytes rather than 10⁵ numbers. */
function expectBytes(actual: Uint8Array, expected: StoredBytes): void {
  if (expected.base64 !== undefined) {
    const want = new Uint8Array(Buffer.from(expected.base64, 'base64'));
    const diffs = [...want.keys()].filter((i) => actual[i] !== want[i]).slice(0, 5);
    expect(diffs.map((i) => [i, actual[i], want[i]])).toEqual([]);
    expect(actual.length).toBe(want.length);
  }
  for (const [index, value] of expected.samples ?? []) expect([index, actual[index]]).toEqual([index, value]);
  expect(sha256(actual)).toBe(expected.sha256);
}

function resizeCase(c: ResizeCase): RgbImage {
  const image = SYNTHETIC_IMAGES[c.image]!();
  if (c.mode === 'crop') {
    const [x0, y0, x1, y1] = c.box!;
    return cropResizeBicubic(image, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, c.width, c.height);
  }
  return resizeBicubic(image, c.width, c.height, c.box as ResizeBox | undefined);
}

describe(`resizeBicubic against Pillow ${REFERENCE.pillow} Image.resize(BICUBIC), bit for bit`, () => {
  it.each(REFERENCE.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const out = resizeCase(c);
    expect([out.width, out.height]).toEqual([c.width, c.height]);
    expectBytes(out.data, c.pixels);
  });

  it('covers downscale, upscale, one-axis-only, box and crop cases', () => {
    const names = REFERENCE.cases.map((c) => c.name).join(' | ');
    for (const word of ['downscale', 'upscale', 'vertical pass only', 'horizontal pass only', 'box', 'crop']) {
      expect(names).toContain(word);
    }
  });
});

describe('resizeBicubic details', () => {
  it('returns a copy for the same size, as Pillow does', () => {
    const image = gradientImage();
    const out = resizeBicubic(image, 7, 5);
    expect(out.data).toEqual(image.data);
    expect(out.data).not.toBe(image.data);
  });

  it('crop-then-resize ignores the pixels around the crop; the Pillow box reads them', () => {
    const image = randomImage();
    const rect = { x: 100, y: 66, width: 100, height: 66 };
    const cropped = cropResizeBicubic(image, rect, 50, 33);
    const boxed = resizeBicubic(image, 50, 33, [100, 66, 200, 132]);
    expect(cropped.data).not.toEqual(boxed.data);
    // Copying the crop out first gives the same as cropResizeBicubic.
    const copy = new Uint8Array(rect.width * rect.height * 3);
    for (let y = 0; y < rect.height; y++) {
      const from = ((rect.y + y) * image.width + rect.x) * 3;
      copy.set(image.data.subarray(from, from + rect.width * 3), y * rect.width * 3);
    }
    expect(resizeBicubic({ width: rect.width, height: rect.height, data: copy }, 50, 33).data).toEqual(cropped.data);
  });

  it('uses weights that sum to 1 in fixed point, within the rounding of each weight', () => {
    for (const [inSize, outSize] of [[500, 224], [125, 224], [7, 3], [300, 5]] as const) {
      const c = computeBicubicCoefficients(inSize, 0, inSize, outSize);
      for (let i = 0; i < outSize; i++) {
        let sum = 0;
        for (let k = 0; k < c.count[i]!; k++) sum += c.weights[i * c.ksize + k]!;
        expect(Math.abs(sum - (1 << PRECISION_BITS))).toBeLessThanOrEqual(c.count[i]!);
      }
    }
  });

  it('rejects a box outside the image and non-integer sizes', () => {
    const image = gradientImage();
    expect(() => resizeBicubic(image, 3, 2, [0, 0, 8, 5])).toThrow(RangeError);
    expect(() => resizeBicubic(image, 3, 2, [2, 0, 2, 5])).toThrow(RangeError);
    expect(() => resizeBicubic(image, 2.5, 2)).toThrow(RangeError);
    expect(() => cropResizeBicubic(image, { x: 5, y: 0, width: 3, height: 5 }, 3, 2)).toThrow(RangeError);
  });
});
