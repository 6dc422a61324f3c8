import { readFileSync } from 'node:fs';
import { encode } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { nodeJpegCodec } from '../../cli/image/node-jpeg-codec';
import { DataError } from '../data-error';
import { decodeImage } from './decode-image';

const REF = 'e2e/fixtures/preprocess-reference';
const read = (path: string) => new Uint8Array(readFileSync(path));
const codec = nodeJpegCodec();

/** A JPEG that is only headers: SOI, a frame header of the given type and size, and EOI. */
function jpegHeader(width: number, height: number, options: { frameType?: number; precision?: number; components?: number } = {}): Uint8Array {
  const { frameType = 0xc0, precision = 8, components = 3 } = options;
  const sof = [0xff, frameType, 0, 8 + 3 * components, precision, height >> 8, height & 255, width >> 8, width & 255, components];
  for (let c = 1; c <= components; c++) sof.push(c, 0x11, 0);
  const sos = [0xff, 0xda, 0, 6 + 2 * components, components];
  for (let c = 1; c <= components; c++) sos.push(c, 0);
  return new Uint8Array([0xff, 0xd8, ...sof, ...sos, 0, 63, 0, 0xff, 0xd9]);
}

/** A PNG signature and IHDR chunk (CRC not filled in: the size check comes before any CRC check). */
function pngHeader(width: number, height: number, depth = 8, colourType = 2, interlace = 0): Uint8Array {
  const u32 = (v: number) => [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ...u32(13), 0x49, 0x48, 0x44, 0x52, ...u32(width), ...u32(height), depth, colourType, 0, 0, interlace,
    0, 0, 0, 0,
  ]);
}

function problemOf(bytes: Uint8Array, file: string, limits?: { maxMegapixels: number }): string {
  try {
    decodeImage(bytes, file, codec, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).problem;
  }
  throw new Error(`${file} decoded without an error`);
}

describe('size limits, read from the header before any pixel is decoded', () => {
  it('refuses a 12000×12000 JPEG and PNG (144 MP) from their headers alone', () => {
    const start = performance.now();
    expect(problemOf(jpegHeader(12000, 12000), 'huge.jpg')).toBe('image is 12000×12000 (144 MP), over the 100 MP limit');
    expect(problemOf(pngHeader(12000, 12000), 'huge.png')).toBe('image is 12000×12000 (144 MP), over the 100 MP limit');
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('rounds the megapixels up, so an image just over the limit never reads as equal to it', () => {
    expect(problemOf(jpegHeader(10001, 10000), 'a.jpg')).toBe('image is 10001×10000 (100.1 MP), over the 100 MP limit');
  });

  it('takes a custom limit', () => {
    const photo = read('e2e/fixtures/voc-mini/JPEGImages/2007_000032.jpg');
    expect(problemOf(photo, 'small.jpg', { maxMegapixels: 0.1 })).toBe('image is 500×281 (0.2 MP), over the 0.1 MP limit');
    expect(decodeImage(photo, 'ok.jpg', codec, { maxMegapixels: 0.15 }).height).toBe(281);
  });

  it('refuses an image with no pixels', () => {
    expect(problemOf(jpegHeader(500, 0), 'dnl.jpg')).toBe('image is 500×0: it has no pixels');
  });

  // The WebAssembly decoder grows its memory past 192 MB for this (and starts afresh afterwards).
  it('decodes an 8000×8000 (64 MP) JPEG', { timeout: 180_000 }, () => {
    const [width, height] = [8000, 8000];
    const rgba = new Uint8Array(width * height * 4);
    for (let i = 0; i < rgba.length; i += 4) rgba.set([200, 100, 50, 255], i);
    const jpeg = new Uint8Array(encode({ width, height, data: rgba }, 50).data);
    const image = decodeImage(jpeg, 'big.jpg', codec);
    expect([image.width, image.height, image.data.length]).toEqual([width, height, width * height * 3]);
    for (const i of [0, (image.data.length / 2) | 0, image.data.length - 3]) {
      const p = i - (i % 3);
      expect(Math.abs(image.data[p]! - 200) + Math.abs(image.data[p + 1]! - 100) + Math.abs(image.data[p + 2]! - 50)).toBeLessThan(8);
    }
  });
});

describe('variants the decoders cannot handle are named', () => {
  it('arithmetic-coded, lossless and 12-bit JPEGs', () => {
    expect(problemOf(jpegHeader(64, 64, { frameType: 0xc9 }), 'a.jpg')).toBe(
      'unsupported JPEG coding: arithmetic-coded (only baseline and progressive JPEGs are supported)',
    );
    expect(problemOf(jpegHeader(64, 64, { frameType: 0xc3 }), 'l.jpg')).toContain('unsupported JPEG coding: lossless');
    expect(problemOf(jpegHeader(64, 64, { precision: 12 }), 't.jpg')).toBe('unsupported 12-bit JPEG (only 8-bit samples are supported)');
    expect(problemOf(jpegHeader(64, 64, { components: 2 }), 'two.jpg')).toBe('unsupported JPEG with 2 colour components');
  });

  it('a 4-component JPEG without its Adobe marker', () => {
    const cmyk = read(`${REF}/cmyk.jpg`);
    // Rename the APP14 "Adobe" segment to APP13 so that no decoder sees it.
    const at = cmyk.findIndex((b, i) => b === 0xff && cmyk[i + 1] === 0xee);
    const stripped = cmyk.slice();
    stripped[at + 1] = 0xed;
    expect(problemOf(stripped, 'cmyk.jpg')).toBe(
      'unsupported JPEG with 4 colour components without an Adobe marker (unknown CMYK convention)',
    );
  });

  it('an interlaced PNG with 1-, 2- or 4-bit samples, and invalid PNG headers', () => {
    expect(problemOf(pngHeader(16, 16, 1, 0, 1), 'i.png')).toBe(
      'unsupported PNG: interlaced with 1-bit samples (save it without interlacing)',
    );
    expect(problemOf(pngHeader(16, 16, 4, 2), 'bad.png')).toBe('corrupt or truncated PNG: invalid colour type 2 with bit depth 4');
  });
});
