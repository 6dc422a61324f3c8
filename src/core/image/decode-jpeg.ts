import { DataError } from '../data-error';
import { checkImageSize, type DecodeLimits } from './image-limits';
import type { JpegCodec, JpegComponents } from './jpeg-codec';
import { greyToRgb, invertedCmykToRgb } from './jpeg-colour';
import { endsWithEndOfImage, frameTypeName, readJpegStructure, SUPPORTED_FRAME_TYPES } from './jpeg-structure';
import type { RgbImage } from './rgb-image';

/**
 * Decodes a JPEG to RGB exactly as the reference's Pillow does: libjpeg-turbo (`codec`, the same
 * WebAssembly build in the browser worker and in Node) decodes, and the colour conversion follows
 * Pillow's convert('RGB') (jpeg-colour.ts). The file's structure is checked first, so that
 * truncation, unsupported variants and oversized images get one clear reason each, before the
 * decoder allocates anything.
 */
export function decodeJpeg(bytes: Uint8Array, file: string, codec: JpegCodec, limits: DecodeLimits): RgbImage {
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
  // libjpeg decodes a cut file with a grey bottom and only a warning (Pillow refuses it: "image file
  // is truncated"); checking for the end-of-image marker first gives one clear reason for every cut.
  if (!endsWithEndOfImage(bytes, info.scanStart)) {
    throw new DataError(file, 'corrupt or truncated JPEG: no end-of-image marker (FF D9) after the image data; the file was cut short');
  }
  const components: JpegComponents = info.components === 1 ? 'grey' : info.components === 3 ? 'rgb' : 'cmyk';
  let decoded;
  try {
    decoded = codec.decode(bytes, components);
  } catch (error) {
    throw new DataError(file, `corrupt or truncated JPEG: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (decoded.width !== info.width || decoded.height !== info.height) {
    throw new DataError(file, `corrupt JPEG: decoded ${decoded.width}×${decoded.height}, but the frame header says ${info.width}×${info.height}`);
  }
  const { width, height, data } = decoded;
  if (components === 'rgb') return { width, height, data };
  return { width, height, data: components === 'grey' ? greyToRgb(data) : invertedCmykToRgb(data) };
}
