import { decode } from 'jpeg-js';
import { DataError } from '../data-error';
import { checkImageSize, type DecodeLimits } from './image-limits';
import { endsWithEndOfImage, frameTypeName, readJpegStructure, SUPPORTED_FRAME_TYPES } from './jpeg-structure';
import type { RgbImage } from './rgb-image';

/**
 * jpeg-js holds every 8×8 block as its own Int32Array plus per-component planes, about
 * 6 bytes per pixel per component, then the RGB output. Its default cap (512 MB) would refuse a
 * 64 MP photo, so the cap follows the pixel limit instead: the pixel limit is the real guard.
 */
function memoryBudgetMB(width: number, height: number, components: number): number {
  return Math.ceil((width * height * (7 * components + 3)) / 2 ** 20) + 64;
}

/**
 * Decodes a JPEG to RGB with jpeg-js, the same pure-JS decoder in the browser worker and in Node, so
 * both produce the same pixels (and embeddings). Grey JPEGs come out as R = G = B; Adobe CMYK and
 * YCCK are converted by jpeg-js (R = (255 − C)(255 − K) / 255, as Pillow's convert('RGB')).
 */
export function decodeJpeg(bytes: Uint8Array, file: string, limits: DecodeLimits): RgbImage {
  const info = readJpegStructure(bytes, file);
  checkImageSize(file, info.width, info.height, limits);
  if (!SUPPORTED_FRAME_TYPES.has(info.frameType)) {
    throw new DataError(file, `unsupported JPEG coding: ${frameTypeName(info.frameType)} (only baseline and progressive JPEGs are supported)`);
  }
  if (info.precision !== 8) {
    throw new DataError(file, `unsupported ${info.precision}-bit JPEG (only 8-bit samples are supported)`);
  }
  if (info.components !== 1 && info.components !== 3 && !(info.components === 4 && info.adobe)) {
    const why = info.components === 4 ? '4 colour components without an Adobe marker (unknown CMYK convention)' : `${info.components} colour components`;
    throw new DataError(file, `unsupported JPEG with ${why}`);
  }
  // jpeg-js usually throws on a cut file too, but with messages like "marker was not found";
  // checking for the end-of-image marker first gives one clear reason for every truncation.
  if (!endsWithEndOfImage(bytes, info.scanStart)) {
    throw new DataError(file, 'corrupt or truncated JPEG: no end-of-image marker (FF D9) after the image data; the file was cut short');
  }
  try {
    const image = decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      // Tolerant mode only skips blocks that some encoders write beyond the image (libjpeg accepts
      // those files too); truncation is caught above, so it cannot hide a half-grey image.
      tolerantDecoding: true,
      maxResolutionInMP: limits.maxMegapixels,
      maxMemoryUsageInMB: memoryBudgetMB(info.width, info.height, info.components),
    });
    return { width: image.width, height: image.height, data: image.data };
  } catch (error) {
    throw new DataError(file, `corrupt or truncated JPEG: ${error instanceof Error ? error.message : String(error)}`);
  }
}
