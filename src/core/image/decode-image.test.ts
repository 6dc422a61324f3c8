import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeJpegCodec } from '../../cli/image/node-jpeg-codec';
import { DataError } from '../data-error';
import { parseAnnotationXml } from '../voc/annotation-xml';
import { decodeImage, detectImageFormat } from './decode-image';
import { readJpegStructure } from './jpeg-structure';
import type { RgbImage } from './rgb-image';

const VOC = 'e2e/fixtures/voc-mini';
const REF = 'e2e/fixtures/preprocess-reference';
const read = (path: string) => new Uint8Array(readFileSync(path));
const codec = nodeJpegCodec();

interface FileReference {
  readonly pillowMode: string;
  readonly width: number;
  readonly height: number;
  readonly rgb: string;
}
interface VocReference {
  readonly width: number;
  readonly height: number;
  readonly grid: number;
  readonly mean: readonly number[];
  readonly blockMeans: readonly (readonly number[])[];
}
const REFERENCE = JSON.parse(readFileSync(`${REF}/decode-reference.json`, 'utf8')) as {
  readonly files: Readonly<Record<string, FileReference>>;
  readonly voc: Readonly<Record<string, VocReference>>;
};

function differences(image: RgbImage, expected: FileReference): { max: number; mean: number } {
  expect([image.width, image.height]).toEqual([expected.width, expected.height]);
  const want = Buffer.from(expected.rgb, 'base64');
  expect(image.data.length).toBe(want.length);
  let max = 0;
  let sum = 0;
  want.forEach((v, i) => {
    const d = Math.abs(image.data[i]! - v);
    max = Math.max(max, d);
    sum += d;
  });
  return { max, mean: sum / want.length };
}

/** Mean of channel c over rows [y0, y1) and columns [x0, x1). */
function blockMean(image: RgbImage, c: number, x0: number, x1: number, y0: number, y1: number): number {
  let sum = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += image.data[(y * image.width + x) * 3 + c]!;
  return sum / ((x1 - x0) * (y1 - y0));
}

function problemOf(bytes: Uint8Array, file: string): string {
  try {
    decodeImage(bytes, file, codec);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).file).toBe(file);
    return (error as DataError).problem;
  }
  throw new Error(`${file} decoded without an error`);
}

describe('decodeImage on the real VOC photos', () => {
  const ids = readdirSync(`${VOC}/JPEGImages`).map((name) => name.replace(/\.jpg$/, ''));

  it('decodes all 100 to the sizes in their annotations', () => {
    expect(ids).toHaveLength(100);
    for (const id of ids) {
      const image = decodeImage(read(`${VOC}/JPEGImages/${id}.jpg`), `${id}.jpg`, codec);
      const { size } = parseAnnotationXml(readFileSync(`${VOC}/Annotations/${id}.xml`, 'utf8'), `${id}.xml`);
      expect([id, image.width, image.height]).toEqual([id, size?.width, size?.height]);
      expect(image.data.length).toBe(image.width * image.height * 3);
    }
  });

  it('decodes the two greyscale photos stored as 3-channel JPEG to R = G = B', () => {
    for (const id of ['2007_000123', '2007_000515']) {
      const { data } = decodeImage(read(`${VOC}/JPEGImages/${id}.jpg`), id, codec);
      let equal = true;
      for (let i = 0; i < data.length && equal; i += 3) equal = data[i] === data[i + 1] && data[i] === data[i + 2];
      expect(equal).toBe(true);
    }
  });

  // Pillow's decoding of two VOC photos is stored as channel and 8×8-block means (decode-reference.json);
  // the lab's libjpeg-turbo gives Pillow's pixels exactly (pillow-decode.test.ts), so the means agree
  // up to their rounding to 4 decimals there (with jpeg-js they were up to 0.51 and 0.8 off).
  it.each(Object.keys(REFERENCE.voc))('matches Pillow on average: %s', (name) => {
    const ref = REFERENCE.voc[name]!;
    const image = decodeImage(read(`${VOC}/JPEGImages/${name}`), name, codec);
    const g = ref.grid;
    for (let c = 0; c < 3; c++) {
      expect(Math.abs(blockMean(image, c, 0, image.width, 0, image.height) - ref.mean[c]!)).toBeLessThanOrEqual(5e-5);
      for (let b = 0; b < g * g; b++) {
        const [row, col] = [Math.floor(b / g), b % g];
        const [x0, x1] = [Math.floor((col * image.width) / g), Math.floor(((col + 1) * image.width) / g)];
        const [y0, y1] = [Math.floor((row * image.height) / g), Math.floor(((row + 1) * image.height) / g)];
        expect(Math.abs(blockMean(image, c, x0, x1, y0, y1) - ref.blockMeans[b]![c]!)).toBeLessThanOrEqual(5e-5);
      }
    }
  });
});

/**
 * Against Pillow's own convert('RGB') of the same file: exact, for PNG (lossless) and for JPEG too
 * (libjpeg-turbo as in Pillow; jpeg-js needed up to 4 levels, and 255 at 4:2:0).
 */
describe('decodeImage against Pillow on hand-made JPEGs and PNGs', () => {
  it.each(Object.keys(REFERENCE.files))('%s', (name) => {
    const ref = REFERENCE.files[name]!;
    const image = decodeImage(read(`${REF}/${name}`), name, codec);
    expect(differences(image, ref)).toEqual({ max: 0, mean: 0 });
  });

  it('has the JPEG variants it claims: 1-component grey, Adobe CMYK, progressive', () => {
    const grey = readJpegStructure(read(`${REF}/grey.jpg`), 'grey.jpg');
    expect(grey.components).toBe(1);
    const cmyk = readJpegStructure(read(`${REF}/cmyk.jpg`), 'cmyk.jpg');
    expect([cmyk.components, cmyk.adobe]).toEqual([4, true]);
    expect(readJpegStructure(read(`${REF}/progressive.jpg`), 'p.jpg').frameType).toBe(0xc2);
    expect(REFERENCE.files['grey16.png']!.pillowMode).toBe('I');
    expect(REFERENCE.files['palette.png']!.pillowMode).toBe('P');
  });

  it('drops alpha as Pillow does: an RGBA PNG decodes to its colour channels alone', () => {
    const rgba = decodeImage(read(`${REF}/rgba.png`), 'rgba.png', codec);
    expect(rgba.data).toEqual(decodeImage(read(`${REF}/rgb.png`), 'rgb.png', codec).data);
  });

  it('keeps the high byte of 16-bit grey, where Pillow clips to white', () => {
    const ref = REFERENCE.files['grey16.png']! as FileReference & { readonly pillowRgbClipped: string };
    const image = decodeImage(read(`${REF}/grey16.png`), 'grey16.png', codec);
    expect(differences(image, ref).max).toBe(0);
    const clipped = Buffer.from(ref.pillowRgbClipped, 'base64');
    expect(clipped.filter((v) => v === 255).length / clipped.length).toBeGreaterThan(0.9);
  });

  it('decodes by content, not by name: a PNG called .jpg and a JPEG called .png', () => {
    const png = read(`${REF}/rgb.png`);
    expect(detectImageFormat(png)).toBe('png');
    const image = decodeImage(png, 'JPEGImages/2007_000001.jpg', codec);
    expect(differences(image, REFERENCE.files['rgb.png']!).max).toBe(0);
    const jpeg = decodeImage(read(`${REF}/grey.jpg`), 'grey.png', codec);
    expect([jpeg.width, jpeg.height]).toEqual([48, 32]);
  });
});

describe('decodeImage refuses bad files with a DataError naming the file', () => {
  const photo = read(`${VOC}/JPEGImages/2007_000027.jpg`);
  const ascii = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));

  it('empty file', () => {
    expect(problemOf(new Uint8Array(0), 'a.jpg')).toBe('empty file (0 bytes)');
    expect(() => decodeImage(new Uint8Array(0), 'JPEGImages/a.jpg', codec)).toThrow('JPEGImages/a.jpg: empty file (0 bytes)');
  });

  it('a PDF, a text file, a GIF', () => {
    expect(problemOf(ascii('%PDF-1.4\n%âãÏÓ\n1 0 obj'), 'x.jpg')).toBe(
      'not a JPEG or PNG image (starts with 25 50 44 46 2D 31 2E 34 …: looks like a PDF document)',
    );
    expect(problemOf(ascii('hello'), 'x.jpg')).toBe('not a JPEG or PNG image (starts with 68 65 6C 6C 6F)');
    expect(problemOf(ascii('GIF89a\x01\x00\x01\x00'), 'x.jpg')).toContain('looks like a GIF image');
  });

  it('a JPEG cut in half is rejected, not decoded half grey', () => {
    const half = photo.slice(0, photo.length >> 1);
    expect(problemOf(half, 'half.jpg')).toBe(
      'corrupt or truncated JPEG: no end-of-image marker (FF D9) after the image data; the file was cut short',
    );
  });

  it('a JPEG cut anywhere is rejected, including inside its headers', () => {
    for (let k = 1; k < 40; k++) {
      const cut = Math.floor((photo.length * k) / 40);
      expect(problemOf(photo.slice(0, cut), 'cut.jpg')).toMatch(/^corrupt or truncated JPEG: .*cut short/);
    }
    expect(problemOf(photo.slice(0, photo.length - 2), 'no-eoi.jpg')).toContain('no end-of-image marker');
    expect(problemOf(photo.slice(0, 3), 'soi.jpg')).toContain('cut short');
  });

  it('trailing bytes after the end-of-image marker are fine', () => {
    const padded = new Uint8Array(photo.length + 100);
    padded.set(photo);
    expect(decodeImage(padded, 'padded.jpg', codec).width).toBe(486);
  });

  it('a PNG cut short or with a damaged chunk', () => {
    const png = read(`${REF}/rgb.png`);
    expect(problemOf(png.slice(0, png.length >> 1), 'half.png')).toMatch(
      /^corrupt or truncated PNG: the file ends inside the IDAT chunk at byte \d+ \(it was cut short\)$/,
    );
    expect(problemOf(png.slice(0, 20), 'head.png')).toBe('corrupt or truncated PNG: the file ends inside the header (it was cut short)');
    expect(problemOf(png.slice(0, png.length - 12), 'no-iend.png')).toContain('no IEND chunk');
    const damaged = png.slice();
    damaged[60] = damaged[60]! ^ 0x10; // inside the IDAT data
    expect(problemOf(damaged, 'bad.png')).toMatch(/^corrupt or truncated PNG: .*CRC/);
  });
});
