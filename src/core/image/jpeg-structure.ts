import { DataError } from '../data-error';

/**
 * Reads a JPEG's marker segments up to the first scan, without decoding anything: the frame size
 * (so an oversized image is refused before the decoder allocates), what the file needs from a decoder,
 * and whether the file still ends with its end-of-image marker.
 */
export interface JpegStructure {
  readonly width: number;
  readonly height: number;
  /** 1 grey, 3 YCbCr (or RGB), 4 CMYK / YCCK. */
  readonly components: number;
  /** Sample precision in bits (8 for everything the decoder accepts). */
  readonly precision: number;
  /** The start-of-frame marker's low byte: 0xC0 baseline, 0xC1 extended, 0xC2 progressive, … */
  readonly frameType: number;
  /** An APP14 "Adobe" segment is present (it tells a decoder how 4-component data is encoded). */
  readonly adobe: boolean;
  /** Byte offset where the first scan's entropy-coded data begins. */
  readonly scanStart: number;
}

const FRAME_NAMES: Readonly<Record<number, string>> = {
  0xc3: 'lossless',
  0xc5: 'hierarchical',
  0xc6: 'hierarchical progressive',
  0xc7: 'hierarchical lossless',
  0xc9: 'arithmetic-coded',
  0xca: 'arithmetic-coded progressive',
  0xcb: 'arithmetic-coded lossless',
  0xcd: 'hierarchical arithmetic-coded',
  0xce: 'hierarchical arithmetic-coded progressive',
  0xcf: 'hierarchical arithmetic-coded lossless',
};

/**
 * The frame types decoded: baseline, extended sequential and progressive Huffman (the WebAssembly
 * libjpeg-turbo is built without arithmetic decoding; lossless and hierarchical JPEGs it never had).
 */
export const SUPPORTED_FRAME_TYPES: ReadonlySet<number> = new Set([0xc0, 0xc1, 0xc2]);

export const frameTypeName = (type: number): string =>
  FRAME_NAMES[type] ?? `SOF${(type - 0xc0).toString()}`;

const isFrameMarker = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
const isStandalone = (m: number) => m === 0x01 || m === 0xd8 || (m >= 0xd0 && m <= 0xd7);

const ADOBE = [0x41, 0x64, 0x6f, 0x62, 0x65]; // "Adobe"

export function readJpegStructure(bytes: Uint8Array, file: string): JpegStructure {
  const fail = (problem: string): never => {
    throw new DataError(file, `corrupt or truncated JPEG: ${problem}`);
  };
  const u16 = (at: number) => (bytes[at]! << 8) | bytes[at + 1]!;
  let frame: Omit<JpegStructure, 'adobe' | 'scanStart'> | undefined;
  let adobe = false;
  let p = 2; // after SOI
  for (;;) {
    // Like libjpeg, skip stray bytes before a marker and any 0xFF fill bytes.
    while (p < bytes.length && bytes[p] !== 0xff) p++;
    while (p < bytes.length && bytes[p] === 0xff) p++;
    if (p >= bytes.length) return fail('the file ends before the image data (it was cut short)');
    const marker = bytes[p++]!;
    if (isStandalone(marker)) continue;
    if (marker === 0xd9) return fail('end-of-image marker before any image data');
    if (p + 2 > bytes.length) return fail('the file ends inside a marker segment (it was cut short)');
    const length = u16(p);
    if (length < 2) return fail(`marker segment FF ${hex(marker)} at byte ${p - 2} has invalid length ${length}`);
    const end = p + length;
    if (end > bytes.length) return fail(`the file ends inside marker segment FF ${hex(marker)} (it was cut short)`);
    if (isFrameMarker(marker) && frame === undefined) {
      if (length < 8) return fail(`frame header at byte ${p - 2} is too short`);
      frame = {
        precision: bytes[p + 2]!,
        height: u16(p + 3),
        width: u16(p + 5),
        components: bytes[p + 7]!,
        frameType: marker,
      };
    } else if (marker === 0xee && ADOBE.every((c, i) => bytes[p + 2 + i] === c)) {
      adobe = true;
    } else if (marker === 0xda) {
      if (frame === undefined) return fail('image data (SOS) before any frame header (SOF)');
      return { ...frame, adobe, scanStart: end };
    }
    p = end;
  }
}

/**
 * True when an end-of-image marker (FF D9) follows the first scan. Entropy-coded data never holds
 * FF D9 (a data byte FF is always stuffed as FF 00), so its absence means the file was cut short.
 * Searching backwards is quick: EOI is normally the last two bytes, or near the end when a camera
 * appends trailing data.
 */
export function endsWithEndOfImage(bytes: Uint8Array, scanStart: number): boolean {
  for (let i = bytes.length - 2; i >= scanStart; i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  }
  return false;
}

export const hex = (byte: number): string => byte.toString(16).toUpperCase().padStart(2, '0');
