/**
 * An 8-bit RGB raster as every decoder here produces it: 3 bytes per pixel (R, G, B), row-major,
 * rows packed without padding, so pixel (x, y) starts at byte `(y * width + x) * 3`.
 */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A rectangle of whole pixels: top-left corner and size (the shape of a snippet-grid cell). */
export interface PixelRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The whole image as a rectangle. */
export function fullRect(image: RgbImage): PixelRect {
  return { x: 0, y: 0, width: image.width, height: image.height };
}

/** Throws a RangeError (a caller's bug, not bad input data) unless `rect` is non-empty and inside `image`. */
export function checkRectInside(image: RgbImage, rect: PixelRect, what: string): void {
  const { x, y, width, height } = rect;
  const whole = [x, y, width, height].every(Number.isInteger);
  if (!whole || width < 1 || height < 1 || x < 0 || y < 0 || x + width > image.width || y + height > image.height) {
    throw new RangeError(
      `${what} ${width}×${height} at (${x}, ${y}) is not a non-empty pixel rectangle inside the ${image.width}×${image.height} image`,
    );
  }
}
