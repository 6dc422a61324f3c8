/**
 * Painting a scene into an RGBA buffer (the layout jpeg-js `encode` takes): a noisy grey background,
 * flat class-coloured shapes, then the clutter specks. No anti-aliasing: the shapes are meant to be
 * flat colour fields, and JPEG softens their outlines anyway.
 */
import { DEMO_BACKGROUND, DEMO_CLASS_COLOURS, type Rgb } from '../../models/generator/demo-palette';
import { insideShape, type Rect, type ShapeKind } from './geometry';
import type { Random } from './random-tools';
import type { SceneLayout } from './scene-layout';

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** Row-major RGBA, alpha always 255. */
  readonly data: Uint8Array;
}

/**
 * Background grey with per-pixel noise in [-amplitude, amplitude], the same offset on all three
 * channels: luminance-only noise keeps the grey neutral (no stray hues for CLIP to pick up) and
 * costs JPEG far fewer bytes than colour noise.
 */
export function noisyBackground(
  width: number,
  height: number,
  amplitude: number,
  random: Random,
): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  const [r, g, b] = DEMO_BACKGROUND;
  for (let offset = 0; offset < data.length; offset += 4) {
    const noise = Math.floor(random() * (2 * amplitude + 1)) - amplitude;
    data[offset] = clampByte(r + noise);
    data[offset + 1] = clampByte(g + noise);
    data[offset + 2] = clampByte(b + noise);
    data[offset + 3] = 255;
  }
  return { width, height, data };
}

/** Fills the pixels of `shape` inscribed in `box` (pixel-centre rule, see geometry.insideShape). */
export function paintShape(image: RgbaImage, shape: ShapeKind, box: Rect, colour: Rgb): void {
  const x0 = Math.max(0, box.x0);
  const y0 = Math.max(0, box.y0);
  const x1 = Math.min(image.width, box.x1);
  const y1 = Math.min(image.height, box.y1);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (insideShape(shape, box, x, y)) setPixel(image, x, y, colour);
    }
  }
}

/** A class colour scaled by a brightness factor, clamped to bytes. */
export function jitteredColour(colour: Rgb, brightness: number): Rgb {
  const [r, g, b] = colour;
  return [clampByte(r * brightness), clampByte(g * brightness), clampByte(b * brightness)];
}

export function renderScene(layout: SceneLayout, noiseAmplitude: number, random: Random): RgbaImage {
  const image = noisyBackground(layout.width, layout.height, noiseAmplitude, random);
  for (const object of layout.objects) {
    // The hard variant's objects carry their (drifted) colour and the box of the whole shape.
    const colour = object.hard?.colour ?? jitteredColour(DEMO_CLASS_COLOURS[object.className], object.brightness);
    paintShape(image, object.shape, object.hard?.shapeBox ?? object.box, colour);
  }
  for (const speck of layout.clutter) {
    paintShape(image, 'rectangle', speck.box, DEMO_CLASS_COLOURS[speck.className]);
  }
  return image;
}

export function setPixel(image: RgbaImage, x: number, y: number, [r, g, b]: Rgb): void {
  const offset = (y * image.width + x) * 4;
  image.data[offset] = r;
  image.data[offset + 1] = g;
  image.data[offset + 2] = b;
  image.data[offset + 3] = 255;
}

const clampByte = (value: number): number => Math.min(255, Math.max(0, Math.round(value)));
