import { decode } from 'fast-png';
import { DataError } from '../data-error';
import { checkImageSize, type DecodeLimits } from './image-limits';
import { INDEXED, pngToRgb } from './png-to-rgb';
import type { RgbImage } from './rgb-image';

const u32 = (bytes: Uint8Array, at: number) =>
  ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
const chunkType = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

/** Bit depths the PNG specification allows for each colour type. */
const DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly colourType: number;
  readonly interlaced: boolean;
}

function readHeader(bytes: Uint8Array, fail: (problem: string) => never): PngHeader {
  if (bytes.length < 33) fail('the file ends inside the header (it was cut short)');
  if (chunkType(bytes, 12) !== 'IHDR') fail(`the first chunk is "${chunkType(bytes, 12)}", not IHDR`);
  return {
    width: u32(bytes, 16),
    height: u32(bytes, 20),
    depth: bytes[24]!,
    colourType: bytes[25]!,
    interlaced: bytes[28] === 1,
  };
}

/**
 * Walks the chunk list (lengths only, no data) so a cut file is reported as cut, with where, rather
 * than as whatever error a reader past the end happens to raise.
 */
function checkChunks(bytes: Uint8Array, colourType: number, fail: (problem: string) => never): void {
  let p = 8;
  let sawData = false;
  let sawPalette = false;
  while (p + 8 <= bytes.length) {
    const length = u32(bytes, p);
    const type = chunkType(bytes, p + 4);
    if (p + 12 + length > bytes.length) {
      fail(`the file ends inside the ${type} chunk at byte ${p} (it was cut short)`);
    }
    if (type === 'IEND') {
      if (!sawData) fail('no image data (IDAT chunk)');
      if (colourType === INDEXED && !sawPalette) fail('palette image without a palette (PLTE chunk)');
      return;
    }
    sawData ||= type === 'IDAT';
    sawPalette ||= type === 'PLTE';
    p += 12 + length;
  }
  fail('no IEND chunk at the end (the file was cut short)');
}

/** Decodes a PNG of any standard colour type and bit depth to 8-bit RGB with fast-png (see png-to-rgb.ts). */
export function decodePng(bytes: Uint8Array, file: string, limits: DecodeLimits): RgbImage {
  const fail = (problem: string): never => {
    throw new DataError(file, `corrupt or truncated PNG: ${problem}`);
  };
  const header = readHeader(bytes, fail);
  checkImageSize(file, header.width, header.height, limits);
  const { depth, colourType } = header;
  if (!DEPTHS[colourType]?.includes(depth)) return fail(`invalid colour type ${colourType} with bit depth ${depth}`);
  if (header.interlaced && depth < 8) {
    // fast-png 8 de-interlaces sub-byte samples as if they were whole bytes (garbage), so refuse.
    throw new DataError(file, `unsupported PNG: interlaced with ${depth}-bit samples (save it without interlacing)`);
  }
  checkChunks(bytes, colourType, fail);
  try {
    const png = decode(bytes, { checkCrc: true });
    const samples = Math.ceil((header.width * depth * png.channels) / 8) * (depth === 16 ? 1 / 2 : 1) * header.height;
    if (png.data.length !== samples) return fail(`image data holds ${png.data.length} samples, expected ${samples}`);
    return { width: png.width, height: png.height, data: pngToRgb(png, colourType) };
  } catch (error) {
    if (error instanceof DataError) throw error;
    return fail(describe(error));
  }
}

/** fast-png wraps zlib errors ("Error while decompressing the data:"): show the cause too. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
