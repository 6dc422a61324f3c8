/**
 * Shapes and pixel rectangles shared by the layout (where things go) and the rasterizer (which
 * pixels they cover). Rectangles are 0-based pixel edges with x1/y1 exclusive; the VOC writer turns
 * them into VOC's 1-based inclusive boxes.
 */
export type ShapeKind = 'ellipse' | 'rectangle' | 'triangle';

export const SHAPE_KINDS: readonly ShapeKind[] = ['ellipse', 'rectangle', 'triangle'];

export interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export const rectWidth = (rect: Rect): number => rect.x1 - rect.x0;
export const rectHeight = (rect: Rect): number => rect.y1 - rect.y0;
export const rectArea = (rect: Rect): number => rectWidth(rect) * rectHeight(rect);

/** The rectangle grown by `margin` pixels on every side (shrunk when negative). */
export const inflate = (rect: Rect, margin: number): Rect => ({
  x0: rect.x0 - margin,
  y0: rect.y0 - margin,
  x1: rect.x1 + margin,
  y1: rect.y1 + margin,
});

export const intersects = (a: Rect, b: Rect): boolean =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export const contains = (outer: Rect, inner: Rect): boolean =>
  inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1;

/**
 * The 3×3 snippet grid of spec §1: cells ⌊W/3⌋×⌊H/3⌋, row-major, remainder on the right and
 * bottom dropped — exactly the crops the lab's local CLIP view sees.
 */
export function gridCells(width: number, height: number, n = 3): Rect[] {
  const cellWidth = Math.floor(width / n);
  const cellHeight = Math.floor(height / n);
  const cells: Rect[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const x0 = col * cellWidth;
      const y0 = row * cellHeight;
      cells.push({ x0, y0, x1: x0 + cellWidth, y1: y0 + cellHeight });
    }
  }
  return cells;
}

/**
 * The centred square of a rectangle: what CLIP's preprocessing keeps of a crop (resize the shorter
 * side, centre-crop a square; spec §1). Odd leftovers go to the right and bottom.
 */
export function centreSquare(rect: Rect): Rect {
  const side = Math.min(rectWidth(rect), rectHeight(rect));
  const x0 = rect.x0 + Math.floor((rectWidth(rect) - side) / 2);
  const y0 = rect.y0 + Math.floor((rectHeight(rect) - side) / 2);
  return { x0, y0, x1: x0 + side, y1: y0 + side };
}

/** Fraction of its bounding box a shape fills. */
export function shapeFill(shape: ShapeKind): number {
  if (shape === 'ellipse') return Math.PI / 4;
  return shape === 'triangle' ? 0.5 : 1;
}

/** The shape's area in pixels (analytic; the painted pixel count differs by its outline, ~1%). */
export const shapeArea = (shape: ShapeKind, box: Rect): number => shapeFill(shape) * rectArea(box);

/**
 * Whether pixel (x, y) belongs to the shape inscribed in `box`, judged at the pixel centre.
 * Triangles are isosceles with the apex at the top centre of the box.
 */
export function insideShape(shape: ShapeKind, box: Rect, x: number, y: number): boolean {
  const px = x + 0.5;
  const py = y + 0.5;
  if (px < box.x0 || px > box.x1 || py < box.y0 || py > box.y1) return false;
  const halfWidth = rectWidth(box) / 2;
  const centreX = box.x0 + halfWidth;
  if (shape === 'rectangle') return true;
  if (shape === 'triangle') {
    const depth = (py - box.y0) / rectHeight(box); // 0 at the apex, 1 at the base
    return Math.abs(px - centreX) <= depth * halfWidth;
  }
  const halfHeight = rectHeight(box) / 2;
  const dx = (px - centreX) / halfWidth;
  const dy = (py - box.y0 - halfHeight) / halfHeight;
  return dx * dx + dy * dy <= 1;
}
