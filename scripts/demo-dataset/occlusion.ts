/**
 * Which pixels of overlapping shapes stay visible: shapes painted back to front, each pixel owned by
 * the last shape covering it. Gives each shape's visible fraction, its visible extent (VOC's box) and
 * whether the image border or another shape hides part of it.
 */
import { insideShape, type Rect, type ShapeKind } from './geometry';

export interface PaintedShape {
  readonly shape: ShapeKind;
  /** The box the shape is inscribed in; may reach outside the image. */
  readonly shapeBox: Rect;
}

export interface Visibility {
  /** Pixels of the whole shape, inside the image or not. */
  readonly shapePixels: number;
  readonly visiblePixels: number;
  /** Pixels of the shape outside the image. */
  readonly outsidePixels: number;
  /** Pixels of the shape inside the image that a shape in front covers. */
  readonly hiddenPixels: number;
  /** Tight 0-based box of the visible pixels; null when none is visible. */
  readonly visibleBox: Rect | null;
}

/** Owner (index into `shapes`, −1 for background) of every pixel, row-major. */
export function ownerMap(width: number, height: number, shapes: readonly PaintedShape[]): Int16Array {
  const owners = new Int16Array(width * height).fill(-1);
  shapes.forEach(({ shape, shapeBox }, index) => {
    forEachShapePixel(shape, shapeBox, (x, y) => {
      if (x >= 0 && y >= 0 && x < width && y < height) owners[y * width + x] = index;
    });
  });
  return owners;
}

/** Visibility of every shape, aligned with `shapes` (painted in that order, back to front). */
export function visibilities(width: number, height: number, shapes: readonly PaintedShape[]): Visibility[] {
  const owners = ownerMap(width, height, shapes);
  return shapes.map(({ shape, shapeBox }, index) => {
    let shapePixels = 0;
    let visiblePixels = 0;
    let outsidePixels = 0;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    forEachShapePixel(shape, shapeBox, (x, y) => {
      shapePixels++;
      if (x < 0 || y < 0 || x >= width || y >= height) outsidePixels++;
      else if (owners[y * width + x] === index) {
        visiblePixels++;
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + 1), Math.max(y1, y + 1)];
      }
    });
    const hiddenPixels = shapePixels - visiblePixels - outsidePixels;
    const visibleBox = visiblePixels > 0 ? { x0, y0, x1, y1 } : null;
    return { shapePixels, visiblePixels, outsidePixels, hiddenPixels, visibleBox };
  });
}

function forEachShapePixel(
  shape: ShapeKind,
  box: Rect,
  visit: (x: number, y: number) => void,
): void {
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) if (insideShape(shape, box, x, y)) visit(x, y);
  }
}

/** Whether any owned pixel (a shape's) lies within `box` grown by `gap`, clipped to the image. */
export function nearOwnedPixel(owners: Int16Array, width: number, height: number, box: Rect, gap: number): boolean {
  for (let y = Math.max(0, box.y0 - gap); y < Math.min(height, box.y1 + gap); y++) {
    for (let x = Math.max(0, box.x0 - gap); x < Math.min(width, box.x1 + gap); x++) {
      if (owners[y * width + x]! >= 0) return true;
    }
  }
  return false;
}
