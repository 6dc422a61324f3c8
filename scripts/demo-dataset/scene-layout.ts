/**
 * Where the objects of one scene go (pure: a request and a seeded generator in, geometry out).
 *
 * The rules make CDUL's point visible: ONE large object fills 25–45% of the image, so the global
 * CLIP view sees it; one to three small objects (2–5% each) sit each inside a single cell of the
 * 3×3 snippet grid (within the centre square CLIP's crop keeps of it), so only that snippet sees a
 * large share of their colour; and unannotated clutter specks of random class colours (1–3% of the
 * image) keep the global view from telling the small objects apart from noise. (The hard variant's
 * rules are in hard-scene-layout.ts.)
 */
import { VOC_CLASSES, type VocClass } from '../../src/core/voc/voc-classes';
import {
  SHAPE_KINDS,
  centreSquare,
  contains,
  gridCells,
  inflate,
  insideShape,
  intersects,
  rectArea,
  rectHeight,
  rectWidth,
  shapeFill,
  type Rect,
  type ShapeKind,
} from './geometry';
import type { HardObjectFacts } from './object-facts';
import { integerBetween, pick, uniform, type Random } from './random-tools';

export interface SceneObject {
  readonly className: VocClass;
  readonly role: 'large' | 'small';
  readonly shape: ShapeKind;
  readonly box: Rect;
  /** Colour factor in [0.94, 1.06]: the same class is not exactly the same colour everywhere. */
  readonly brightness: number;
  readonly difficult: boolean;
  /** Only in the hard variant, where `box` is the visible extent of a shape painted elsewhere. */
  readonly hard?: HardObjectFacts;
}

/** A tiny unannotated square of some class colour. */
export interface Speck {
  readonly box: Rect;
  readonly className: VocClass;
}

export interface SceneLayout {
  readonly width: number;
  readonly height: number;
  /** In paint order, back to front: here the large object, then the small ones. */
  readonly objects: readonly SceneObject[];
  readonly clutter: readonly Speck[];
}

export interface SceneRequest {
  readonly width: number;
  readonly height: number;
  readonly large: VocClass;
  readonly small: readonly VocClass[];
  /** Aligned with `small`. */
  readonly smallDifficult: readonly boolean[];
}

/** The ranges the layout aims inside (tests check the looser ranges of the brief). */
export const LAYOUT = {
  largeCoverage: [0.27, 0.43],
  smallCoverage: [0.022, 0.048],
  /** Difficult objects are the least visible small ones. */
  difficultCoverage: [0.021, 0.025],
  clutterCoverage: [0.010, 0.015],
  brightnessJitter: 0.06,
  /** A box may fill at most this much of its free region, so it can still move around. */
  largeFit: 0.9,
  smallFit: 0.75,
  /** Gap between a small object and its cell border, so JPEG ringing stays in the cell. */
  cellMargin: 3,
  blockMargin: 2,
  /** Clutter keeps this far from annotated boxes and from other specks. */
  clutterGap: 3,
  speckSides: [3, 4],
} as const;

export function layoutScene(request: SceneRequest, random: Random): SceneLayout {
  const { width, height } = request;
  const cells = gridCells(width, height);
  const { large, freeCells } = placeLarge(request, cells, random);
  const small = request.small.map((className, i) => {
    const cell = freeCells.splice(Math.floor(random() * freeCells.length), 1)[0];
    if (cell === undefined) {
      throw new RangeError(`no free cell for ${request.small.length} small objects`);
    }
    return placeSmall(className, request.smallDifficult[i] ?? false, cell, width * height, random);
  });
  const objects = [large, ...small];
  return { width, height, objects, clutter: placeClutter(width, height, objects, random) };
}

/** A block of grid cells the large object may use: 2×2, 2 wide × 3 high, or 3 wide × 2 high. */
interface Block {
  readonly region: Rect;
  readonly cells: readonly number[];
}

function gridBlocks(cells: readonly Rect[]): Block[] {
  const shapes = [
    [2, 2],
    [2, 3],
    [3, 2],
  ] as const;
  const blocks: Block[] = [];
  for (const [cols, rows] of shapes) {
    for (let row0 = 0; row0 + rows <= 3; row0++) {
      for (let col0 = 0; col0 + cols <= 3; col0++) {
        const indices: number[] = [];
        for (let r = row0; r < row0 + rows; r++) {
          for (let c = col0; c < col0 + cols; c++) indices.push(r * 3 + c);
        }
        const first = cells[indices[0]!]!;
        const last = cells[indices[indices.length - 1]!]!;
        const region: Rect = { x0: first.x0, y0: first.y0, x1: last.x1, y1: last.y1 };
        blocks.push({ region, cells: indices });
      }
    }
  }
  return blocks;
}

/**
 * The large object lives inside a block of grid cells, so the cells outside the block are free for
 * small objects and nothing can overlap. A triangle fills only half its box, so it may need a
 * 6-cell block, and at most ~30% coverage fits even there.
 */
function placeLarge(
  request: SceneRequest,
  cells: readonly Rect[],
  random: Random,
): { large: SceneObject; freeCells: Rect[] } {
  const shape = pick(random, SHAPE_KINDS);
  const imageArea = request.width * request.height;
  const wanted = (uniform(random, ...LAYOUT.largeCoverage) * imageArea) / shapeFill(shape);
  const usable = (block: Block): number =>
    LAYOUT.largeFit * innerArea(block.region, LAYOUT.blockMargin);
  const blocks = gridBlocks(cells).filter((block) => 9 - block.cells.length >= request.small.length);
  const largest = Math.max(...blocks.map(usable));
  // When nothing fits, the biggest blocks do, with the object shrunk to what they hold.
  const fitting = blocks.filter((block) => Math.min(wanted, largest) <= usable(block));
  const block = pick(random, fitting);
  const boxArea = Math.min(wanted, usable(block));
  const box = placeBox(inflate(block.region, -LAYOUT.blockMargin), boxArea, random);
  const large: SceneObject = {
    className: request.large,
    role: 'large',
    shape,
    box,
    brightness: jitter(random),
    difficult: false,
  };
  const freeCells = cells.filter((_, index) => !block.cells.includes(index));
  return { large, freeCells };
}

function placeSmall(
  className: VocClass,
  difficult: boolean,
  cell: Rect,
  imageArea: number,
  random: Random,
): SceneObject {
  const shape = pick(random, SHAPE_KINDS);
  const [low, high] = difficult ? LAYOUT.difficultCoverage : LAYOUT.smallCoverage;
  const wanted = (uniform(random, low, high) * imageArea) / shapeFill(shape);
  // Inside the cell's centre square: the part of the snippet CLIP's centre crop keeps.
  const region = centreSquare(cell);
  const boxArea = Math.min(wanted, LAYOUT.smallFit * innerArea(region, LAYOUT.cellMargin));
  const box = placeBox(inflate(region, -LAYOUT.cellMargin), boxArea, random);
  return { className, role: 'small', shape, box, brightness: jitter(random), difficult };
}

const jitter = (random: Random): number =>
  1 + uniform(random, -LAYOUT.brightnessJitter, LAYOUT.brightnessJitter);

const innerArea = (region: Rect, margin: number): number => rectArea(inflate(region, -margin));

/**
 * A box of about `area` pixels at a random place inside `region`, with an aspect ratio between
 * 1:2 and 2:1 when the region allows it (otherwise whatever fits).
 */
export function placeBox(region: Rect, area: number, random: Random): Rect {
  const maxWidth = rectWidth(region);
  const maxHeight = rectHeight(region);
  let low = Math.max(area / maxHeight, Math.sqrt(area / 2));
  let high = Math.min(maxWidth, Math.sqrt(area * 2));
  if (low > high) [low, high] = [area / maxHeight, maxWidth];
  const width = Math.min(maxWidth, Math.max(1, Math.round(uniform(random, low, high))));
  const height = Math.min(maxHeight, Math.max(1, Math.round(area / width)));
  const x0 = region.x0 + integerBetween(random, 0, maxWidth - width);
  const y0 = region.y0 + integerBetween(random, 0, maxHeight - height);
  return { x0, y0, x1: x0 + width, y1: y0 + height };
}

/** JPEG codes 8×8 blocks: a speck inside one block costs a third of the bytes of one across four. */
const JPEG_BLOCK = 8;

/** Moves a speck start left so the speck stays inside one JPEG block (kept ≥ 0). */
export function blockAligned(start: number, side: number): number {
  const blockEnd = (Math.floor(start / JPEG_BLOCK) + 1) * JPEG_BLOCK;
  return Math.min(start, blockEnd - side);
}

/** Whether `box` comes within the clutter gap of the object's shape (its box would show it). */
export function nearShape(object: SceneObject, box: Rect): boolean {
  const zone = inflate(box, LAYOUT.clutterGap);
  if (!intersects(zone, object.box)) return false;
  for (let y = zone.y0; y < zone.y1; y++) {
    for (let x = zone.x0; x < zone.x1; x++) {
      if (insideShape(object.shape, object.box, x, y)) return true;
    }
  }
  return false;
}

/**
 * Specks on the background only (never on or next to an annotated shape, never touching each
 * other), added until they cover the target share of the image.
 */
function placeClutter(
  width: number,
  height: number,
  objects: readonly SceneObject[],
  random: Random,
): Speck[] {
  const target = uniform(random, ...LAYOUT.clutterCoverage) * width * height;
  const image: Rect = { x0: 0, y0: 0, x1: width, y1: height };
  const clutter: Speck[] = [];
  let covered = 0;
  for (let attempt = 0; covered < target && attempt < 100_000; attempt++) {
    const side = integerBetween(random, ...LAYOUT.speckSides);
    const x0 = blockAligned(integerBetween(random, 0, width - side), side);
    const y0 = blockAligned(integerBetween(random, 0, height - side), side);
    const box: Rect = { x0, y0, x1: x0 + side, y1: y0 + side };
    const className = pick(random, VOC_CLASSES);
    if (!contains(image, box) || objects.some((object) => nearShape(object, box))) continue;
    if (clutter.some((speck) => intersects(box, inflate(speck.box, 1)))) continue;
    clutter.push({ box, className });
    covered += side * side;
  }
  return clutter;
}
