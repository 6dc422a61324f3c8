// Image decoding and CLIP preprocessing: import from 'core/image' rather than from its files.
export type { PixelRect, RgbImage } from './rgb-image';
export { decodeImage, detectImageFormat } from './decode-image';
export type { ImageFormat } from './decode-image';
export { DEFAULT_DECODE_LIMITS } from './image-limits';
export type { DecodeLimits } from './image-limits';
export type { JpegCodec, JpegComponents, JpegPixels } from './jpeg-codec';
export { createTurboJpegCodec, TURBOJPEG_BUILD } from './turbojpeg-codec';
export { cropResizeBicubic, resizeBicubic } from './resize-bicubic';
export type { ResizeBox } from './resize-bicubic';
export {
  CLIP_PREPROCESS_DEFAULTS,
  clipCropLength,
  clipCropOrigin,
  clipCropPixels,
  clipPreprocess,
  clipPreprocessInto,
  clipResizeSize,
  preprocessImageAndSnippets,
} from './clip-preprocess';
export type { ClipPreprocessOptions } from './clip-preprocess';
