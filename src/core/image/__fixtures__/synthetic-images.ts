import type { RgbImage } from '../rgb-image';

/**
 * The hand-made test images of e2e/fixtures/preprocess-reference/make-reference.py, repeated
 * formula for formula, so the Pillow reference values apply to them without storing any raster.
 */

function build(width: number, height: number, pixel: (x: number, y: number) => readonly [number, number, number]): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 3);
  }
  return { width, height, data };
}

/** 7×5: red and green ramps, a blue product pattern. */
export const gradientImage = (): RgbImage => build(7, 5, (x, y) => [x * 40, y * 60, (x * y * 13 + 7) % 256]);

const BARS = [0, 255, 128, 64, 192, 32, 224, 96];

/** 640×480 with sharp edges: a 16-px checkerboard (R), 80-px bars (G), diagonal stripes (B), white lines. */
export const patternImage = (): RgbImage =>
  build(640, 480, (x, y) => {
    if (y % 50 === 0) return [255, 255, 255];
    return [((x >> 4) ^ (y >> 4)) & 1 ? 230 : 20, BARS[Math.floor(x / 80)]!, (x + y) % 24 < 12 ? 255 : 0];
  });

/** 300×200 of xorshift32 noise (seed 2463534242), the top byte of each state, R G B row-major. */
export function randomImage(): RgbImage {
  const width = 300;
  const height = 200;
  const data = new Uint8Array(width * height * 3);
  let s = 2463534242;
  for (let i = 0; i < data.length; i++) {
    s = (s ^ (s << 13)) >>> 0;
    s = (s ^ (s >>> 17)) >>> 0;
    s = (s ^ (s << 5)) >>> 0;
    data[i] = s >>> 24;
  }
  return { width, height, data };
}

export const SYNTHETIC_IMAGES: Readonly<Record<string, () => RgbImage>> = {
  gradient: gradientImage,
  pattern: patternImage,
  random: randomImage,
};

/** A uniform image of one colour. */
export const uniformImage = (width: number, height: number, rgb: readonly [number, number, number]): RgbImage =>
  build(width, height, () => rgb);
