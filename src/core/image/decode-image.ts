import { DataError } from '../data-error';
import { decodeJpeg } from './decode-jpeg';
import { decodePng } from './decode-png';
import { DEFAULT_DECODE_LIMITS, type DecodeLimits } from './image-limits';
import type { JpegCodec } from './jpeg-codec';
import { hex } from './jpeg-structure';
import type { RgbImage } from './rgb-image';

export type ImageFormat = 'jpeg' | 'png';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The format from the file's first bytes; the name is never trusted (VOC folders hold PNGs named .jpg). */
export function detectImageFormat(bytes: Uint8Array): ImageFormat | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  return undefined;
}

/** Formats people put in image folders by mistake, named in the error so the fix is obvious. */
const OTHER_FORMATS: readonly { readonly name: string; readonly matches: (b: Uint8Array) => boolean }[] = [
  { name: 'a PDF document', matches: (b) => startsWith(b, ascii('%PDF')) },
  { name: 'a GIF image', matches: (b) => startsWith(b, ascii('GIF8')) },
  { name: 'a WebP image', matches: (b) => startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8) },
  { name: 'a BMP image', matches: (b) => startsWith(b, ascii('BM')) },
  { name: 'a TIFF image', matches: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0]) || startsWith(b, [0x4d, 0x4d, 0, 0x2a]) },
  { name: 'a HEIF/AVIF image', matches: (b) => startsWith(b, ascii('ftyp'), 4) },
  { name: 'an HTML page', matches: (b) => /^\s*<(!doctype|html)/i.test(String.fromCharCode(...b.subarray(0, 64))) },
];

function notAnImage(bytes: Uint8Array): string {
  const shown = [...bytes.subarray(0, 8)].map(hex).join(' ');
  const more = bytes.length > 8 ? ' …' : '';
  const other = OTHER_FORMATS.find((f) => f.matches(bytes));
  return `not a JPEG or PNG image (starts with ${shown}${more}${other ? `: looks like ${other.name}` : ''})`;
}

/**
 * Decodes a JPEG or PNG file to 8-bit RGB, the pixels Pillow's `Image.open(f).convert('RGB')` gives
 * the reference. Every problem with the file (empty, not an image, cut short, corrupt, too large,
 * unsupported variant) is a DataError naming `fileName`, with a reason a user can act on. JPEGs are
 * decoded by `jpeg` (libjpeg-turbo in WebAssembly, loaded by the browser worker or the CLI: see
 * jpeg-codec.ts), PNGs by fast-png; the browser worker and Node decode the same pixels. EXIF
 * orientation is not applied, as in PIL's Image.open used by the CLIP reference pipelines.
 */
export function decodeImage(bytes: Uint8Array, fileName: string, jpeg: JpegCodec, limits: Partial<DecodeLimits> = {}): RgbImage {
  const resolved: DecodeLimits = { maxMegapixels: limits.maxMegapixels ?? DEFAULT_DECODE_LIMITS.maxMegapixels };
  if (bytes.length === 0) throw new DataError(fileName, 'empty file (0 bytes)');
  switch (detectImageFormat(bytes)) {
    case 'jpeg':
      return decodeJpeg(bytes, fileName, jpeg, resolved);
    case 'png':
      return decodePng(bytes, fileName, resolved);
    default:
      throw new DataError(fileName, notAnImage(bytes));
  }
}
