/** A crop of the original image, in pixels: the top-left corner and the size. */
export interface SnippetRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const MIN_GRID = 1;
export const MAX_GRID = 8;

/**
 * The N×N snippet grid of spec §1 (eq. 2): N² crops of the original image, row-major, each
 * ⌊W/N⌋ × ⌊H/N⌋ pixels; the remainder pixels on the right and bottom are dropped, as the
 * reference reproduction does. "Snippet size 3×3" means 9 crops, not 3×3-pixel tiles.
 */
export function snippetGrid(imageWidth: number, imageHeight: number, n: number): SnippetRect[] {
  if (!Number.isInteger(n) || n < MIN_GRID || n > MAX_GRID) {
    throw new RangeError(`grid size must be an integer from ${MIN_GRID} to ${MAX_GRID}, got ${n}`);
  }
  const width = Math.floor(imageWidth / n);
  const height = Math.floor(imageHeight / n);
  if (width < 1 || height < 1) {
    throw new RangeError(`a ${imageWidth}×${imageHeight} image is too small for a ${n}×${n} grid`);
  }
  const rects: SnippetRect[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      rects.push({ x: col * width, y: row * height, width, height });
    }
  }
  return rects;
}
