import { DataError } from '../data-error';

/** Limits on what a decoder may allocate for one file. */
export interface DecodeLimits {
  /** Largest accepted width × height, in millions of pixels. */
  readonly maxMegapixels: number;
}

/**
 * 100 MP: far above any dataset photo (VOC's are 0.19 MP, a 64 MP phone photo passes), low enough
 * that a crafted header claiming 65535×65535 cannot make the decoder allocate gigabytes.
 */
export const DEFAULT_DECODE_LIMITS: DecodeLimits = { maxMegapixels: 100 };

/** Megapixels for a message, rounded UP to one decimal so an image over the limit never reads as equal to it. */
function megapixels(pixels: number): string {
  return String(Math.ceil(pixels / 1e5) / 10);
}

/**
 * Checks the size read from the file header BEFORE any pixel is decoded, so an oversized image
 * costs nothing but the header read.
 */
export function checkImageSize(file: string, width: number, height: number, limits: DecodeLimits): void {
  if (width < 1 || height < 1) {
    throw new DataError(file, `image is ${width}×${height}: it has no pixels`);
  }
  if (width * height > limits.maxMegapixels * 1e6) {
    throw new DataError(
      file,
      `image is ${width}×${height} (${megapixels(width * height)} MP), over the ${limits.maxMegapixels} MP limit`,
    );
  }
}
