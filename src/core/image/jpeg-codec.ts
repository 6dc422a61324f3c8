/**
 * The JPEG decoder the core is given. Decoding must be bit-exact with the reference's (Pillow's
 * libjpeg-turbo), so the core does not decode entropy-coded data itself: an adapter loads a
 * WebAssembly build of libjpeg-turbo in the browser worker or in Node and hands it over as a
 * JpegCodec (see turbojpeg-codec.ts). The core checks the file's structure first and converts the
 * decoder's components to RGB as Pillow's convert('RGB') does (jpeg-colour.ts).
 */

/** The components asked for: 1-component files as grey, 3 as RGB, 4 (Adobe CMYK or YCCK) as CMYK. */
export type JpegComponents = 'grey' | 'rgb' | 'cmyk';

export const JPEG_CHANNELS: Readonly<Record<JpegComponents, number>> = { grey: 1, rgb: 3, cmyk: 4 };

/** Decoded samples, `JPEG_CHANNELS[components]` bytes per pixel, row-major, rows packed. */
export interface JpegPixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export interface JpegCodec {
  /** What decodes, for benchmarks and messages, e.g. "libjpeg-turbo 2.0.4 (WebAssembly, …)". */
  readonly name: string;
  /**
   * Decodes a whole JPEG to `components`. Throws an Error with the decoder's reason when the data
   * cannot be decoded; recoverable damage that libjpeg only warns about is decoded, as in Pillow.
   */
  decode(bytes: Uint8Array, components: JpegComponents): JpegPixels;
}
