/**
 * The hard variant's scenes (voc-demo-hard): made so that zero-shot pseudo labels are imperfect at
 * every snippet grid. Objects are smaller than in the default scenes and go anywhere: across grid
 * borders, partly outside the image, partly behind one another (painted back to front in a random
 * depth order); each object's colour drifts towards the nearest other class colour
 * (colour-drift.ts); and more unannotated clutter. Annotations follow VOC: the box is the extent of
 * the visible pixels, `truncated` when part of the shape is outside the image, `occluded` when
 * another object hides a significant part of it, `difficult` when little of it is visible.
 */
import { VOC_CLASSES, type VocClass } from '../../src/core/voc/voc-classes';
import { driftedColour, drawDrift } from './colour-drift';
import { SHAPE_KINDS, contains, inflate, intersects, shapeFill, type Rect, type ShapeKind } from './geometry';
import { nearOwnedPixel, ownerMap, visibilities, type Visibility } from './occlusion';
import { integerBetween, pick, uniform, type Random } from './random-tools';
import {
  LAYOUT,
  blockAligned,
  placeBox,
  type SceneLayout,
  type SceneObject,
  type SceneRequest,
  type Speck,
} from './scene-layout';

export const HARD_LAYOUT = {
  /** Share of the image the whole shape covers (before occlusion and the border cut it). */
  largeCoverage: [0.1, 0.22],
  smallCoverage: [0.01, 0.03],
  /** Every object keeps at least this share of its shape visible… */
  minVisibleFraction: 0.4,
  /** …and `occluded` means objects in front hide at least this share of it. */
  occludedFraction: 0.1,
  /** `difficult`: less than this share of the image visible. */
  difficultVisibleShare: 0.006,
  /** Chance that a small object is placed touching or overlapping the large one. */
  nearLargeRate: 0.6,
  /** Chance that an object may reach outside the image, and by how much of its box side at most. */
  truncationRate: 0.2,
  truncationReach: 0.35,
  /** Scattered specks, over the whole image… */
  clutterCoverage: [0.015, 0.025],
  /** …and clusters of one colour: how many, the share of the image each covers, speck density. */
  clustersPerImage: [2, 4],
  clusterCoverage: [0.005, 0.009],
  clusterDensity: 0.45,
  placementAttempts: 200,
} as const;

interface Draft {
  readonly className: VocClass;
  readonly role: 'large' | 'small';
  readonly shape: ShapeKind;
  readonly shapeBox: Rect;
}

export function layoutHardScene(request: SceneRequest, random: Random): SceneLayout {
  const { width, height } = request;
  const image: Rect = { x0: 0, y0: 0, x1: width, y1: height };
  // Back to front; each new object goes in front of or behind the ones placed so far.
  let order: Draft[] = [];
  const roles = [
    { className: request.large, role: 'large' as const },
    ...request.small.map((className) => ({ className, role: 'small' as const })),
  ];
  for (const { className, role } of roles) {
    order = placeVisibly(order, className, role, image, random);
  }
  const seen = visibilities(width, height, order.map(({ shape, shapeBox }) => ({ shape, shapeBox })));
  const objects = order.map((draft, i) => finishObject(draft, seen[i]!, width * height, random));
  const owners = ownerMap(width, height, order);
  const present = [request.large, ...request.small];
  return { width, height, objects, clutter: placeHardClutter(width, height, owners, present, random) };
}

/** Tries placements until every object placed so far keeps enough of itself visible. */
function placeVisibly(
  order: readonly Draft[],
  className: VocClass,
  role: 'large' | 'small',
  image: Rect,
  random: Random,
): Draft[] {
  const large = order.find((draft) => draft.role === 'large');
  for (let attempt = 0; attempt < HARD_LAYOUT.placementAttempts; attempt++) {
    const shape = pick(random, SHAPE_KINDS);
    const coverage = role === 'large' ? HARD_LAYOUT.largeCoverage : HARD_LAYOUT.smallCoverage;
    const area = (uniform(random, coverage[0], coverage[1]) * image.x1 * image.y1) / shapeFill(shape);
    const side = Math.sqrt(area);
    const nearLarge = large !== undefined && random() < HARD_LAYOUT.nearLargeRate;
    const reach = random() < HARD_LAYOUT.truncationRate ? Math.round(side * HARD_LAYOUT.truncationReach) : 0;
    const region = nearLarge ? clip(inflate(large.shapeBox, Math.round(side)), image) : image;
    const shapeBox = placeBox(inflate(region, reach), area, random);
    const draft: Draft = { className, role, shape, shapeBox };
    const depth = integerBetween(random, 0, order.length);
    const candidate = [...order.slice(0, depth), draft, ...order.slice(depth)];
    if (allVisibleEnough(image, candidate)) return candidate;
  }
  throw new RangeError(`no placement keeps every object of ${className}'s scene visible enough`);
}

const clip = (rect: Rect, frame: Rect): Rect => ({
  x0: Math.max(rect.x0, frame.x0),
  y0: Math.max(rect.y0, frame.y0),
  x1: Math.min(rect.x1, frame.x1),
  y1: Math.min(rect.y1, frame.y1),
});

function allVisibleEnough(image: Rect, drafts: readonly Draft[]): boolean {
  if (drafts.some((draft) => !intersects(draft.shapeBox, image))) return false;
  const seen = visibilities(image.x1, image.y1, drafts);
  return seen.every(
    (v) => v.visiblePixels >= HARD_LAYOUT.minVisibleFraction * v.shapePixels && v.visiblePixels > 0,
  );
}

function finishObject(draft: Draft, seen: Visibility, imageArea: number, random: Random): SceneObject {
  const brightness = 1 + uniform(random, -LAYOUT.brightnessJitter, LAYOUT.brightnessJitter);
  const drift = drawDrift(draft.className, random);
  return {
    className: draft.className,
    role: draft.role,
    shape: draft.shape,
    box: seen.visibleBox!,
    brightness,
    difficult: seen.visiblePixels < HARD_LAYOUT.difficultVisibleShare * imageArea,
    hard: {
      shapeBox: draft.shapeBox,
      drift,
      colour: driftedColour(draft.className, drift, brightness),
      visibleFraction: seen.visiblePixels / seen.shapePixels,
      truncated: seen.outsidePixels > 0,
      occluded: seen.hiddenPixels >= HARD_LAYOUT.occludedFraction * seen.shapePixels,
    },
  };
}

/**
 * As the default scenes' clutter, denser, kept off every visible object pixel; first a few clusters
 * of one colour each (a class absent from the scene): not objects, too scattered to annotate, but a
 * snippet that holds little else may still see mostly that colour.
 */
function placeHardClutter(
  width: number,
  height: number,
  owners: Int16Array,
  present: readonly VocClass[],
  random: Random,
): Speck[] {
  const image: Rect = { x0: 0, y0: 0, x1: width, y1: height };
  const clutter: Speck[] = [];
  const absent = VOC_CLASSES.filter((name) => !present.includes(name));
  const clusters = integerBetween(random, ...HARD_LAYOUT.clustersPerImage);
  for (let i = 0; i < clusters; i++) {
    const area = uniform(random, ...HARD_LAYOUT.clusterCoverage) * width * height;
    const side = Math.round(Math.sqrt(area / HARD_LAYOUT.clusterDensity));
    const x0 = integerBetween(random, 0, width - side);
    const y0 = integerBetween(random, 0, height - side);
    const className = pick(random, absent);
    const region = { x0, y0, x1: x0 + side, y1: y0 + side };
    scatterSpecks(clutter, region, area, () => className, owners, image, random);
  }
  const target = uniform(random, ...HARD_LAYOUT.clutterCoverage) * width * height;
  scatterSpecks(clutter, image, target, () => pick(random, VOC_CLASSES), owners, image, random);
  return clutter;
}

/** Adds specks inside `region` until they cover `target` more pixels (or attempts run out). */
function scatterSpecks(
  clutter: Speck[],
  region: Rect,
  target: number,
  colour: () => VocClass,
  owners: Int16Array,
  image: Rect,
  random: Random,
): void {
  let covered = 0;
  for (let attempt = 0; covered < target && attempt < 20_000; attempt++) {
    const side = integerBetween(random, ...LAYOUT.speckSides);
    const x0 = blockAligned(integerBetween(random, region.x0, region.x1 - side), side);
    const y0 = blockAligned(integerBetween(random, region.y0, region.y1 - side), side);
    const box: Rect = { x0, y0, x1: x0 + side, y1: y0 + side };
    const className = colour();
    if (!contains(image, box) || nearOwnedPixel(owners, image.x1, image.y1, box, LAYOUT.clutterGap)) continue;
    if (clutter.some((speck) => intersects(box, inflate(speck.box, 1)))) continue;
    clutter.push({ box, className });
    covered += side * side;
  }
}
