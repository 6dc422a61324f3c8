/**
 * The hard variant's scene rules (voc-demo-hard), checked on every generated scene against
 * references computed here pixel by pixel, independently of occlusion.ts's owner map.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_CLASS_COLOURS } from '../../models/generator/demo-palette';
import { VOC_CLASSES } from '../../src/core/voc/voc-classes';
import { COLOUR_DRIFT } from './colour-drift';
import { buildScenes, toAnnotated, type DemoImage } from './dataset';
import { contains, gridCells, inflate, insideShape, rectArea, shapeArea, type Rect } from './geometry';
import { HARD_LAYOUT } from './hard-scene-layout';
import { LAYOUT, type SceneObject } from './scene-layout';
import { HARD_DEMO_DATASET_CONFIG } from './variants';
import { annotationXml } from './voc-writer';

const scenes = buildScenes(HARD_DEMO_DATASET_CONFIG);
const everyObject = scenes.flatMap((image) => image.layout.objects.map((object) => ({ image, object })));
const facts = (object: SceneObject) => {
  if (object.hard === undefined) throw new Error(`${object.className}: no hard-variant facts`);
  return object.hard;
};

interface Reference {
  shapePixels: number;
  visible: number;
  outside: number;
  box: Rect | null;
}

/** Visibility by brute force: a pixel of object i is hidden when a later object's shape covers it. */
function referenceVisibility(image: DemoImage, index: number): Reference {
  const objects = image.layout.objects;
  const { shape } = objects[index]!;
  const box = facts(objects[index]!).shapeBox;
  const ref: Reference = { shapePixels: 0, visible: 0, outside: 0, box: null };
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      if (!insideShape(shape, box, x, y)) continue;
      ref.shapePixels++;
      if (x < 0 || y < 0 || x >= image.width || y >= image.height) ref.outside++;
      else if (!objects.slice(index + 1).some((o) => insideShape(o.shape, facts(o).shapeBox, x, y))) {
        ref.visible++;
        const b = ref.box ?? { x0: x, y0: y, x1: x + 1, y1: y + 1 };
        ref.box = { x0: Math.min(b.x0, x), y0: Math.min(b.y0, y), x1: Math.max(b.x1, x + 1), y1: Math.max(b.y1, y + 1) };
      }
    }
  }
  return ref;
}

const references = new Map(
  everyObject.map(({ image, object }) => [object, referenceVisibility(image, image.layout.objects.indexOf(object))]),
);

describe('hard scenes: occlusion and VOC flags (every object)', () => {
  it('keeps at least the minimum share of every shape visible, and reports it exactly', () => {
    for (const { image, object } of everyObject) {
      const ref = references.get(object)!;
      expect(ref.visible / ref.shapePixels, image.id).toBeGreaterThanOrEqual(HARD_LAYOUT.minVisibleFraction);
      expect(facts(object).visibleFraction, image.id).toBeCloseTo(ref.visible / ref.shapePixels, 12);
    }
  });

  it('annotates the box of the visible pixels, inside the image', () => {
    for (const { image, object } of everyObject) {
      expect(object.box, `${image.id} ${object.className}`).toEqual(references.get(object)!.box);
      expect(contains({ x0: 0, y0: 0, x1: image.width, y1: image.height }, object.box)).toBe(true);
    }
  });

  it('marks truncated, occluded and difficult exactly by their rules, and each occurs', () => {
    for (const { image, object } of everyObject) {
      const ref = references.get(object)!;
      const hidden = ref.shapePixels - ref.visible - ref.outside;
      expect(facts(object).truncated, image.id).toBe(ref.outside > 0);
      expect(facts(object).occluded, image.id).toBe(hidden >= HARD_LAYOUT.occludedFraction * ref.shapePixels);
      const visibleShare = ref.visible / (image.width * image.height);
      expect(object.difficult, image.id).toBe(visibleShare < HARD_LAYOUT.difficultVisibleShare);
    }
    const count = (test: (o: SceneObject) => boolean) => everyObject.filter(({ object }) => test(object)).length;
    expect(count((o) => facts(o).truncated)).toBeGreaterThan(20);
    expect(count((o) => facts(o).occluded)).toBeGreaterThan(50);
    expect(count((o) => o.difficult)).toBeLessThan(everyObject.length / 10);
  });

  it('sizes whole shapes by the coverage rules', () => {
    for (const { image, object } of everyObject) {
      const [low, high] = object.role === 'large' ? HARD_LAYOUT.largeCoverage : HARD_LAYOUT.smallCoverage;
      const share = shapeArea(object.shape, facts(object).shapeBox) / (image.width * image.height);
      // placeBox rounds the box sides: a few percent either way.
      expect(share, image.id).toBeGreaterThanOrEqual(low * 0.9);
      expect(share, image.id).toBeLessThanOrEqual(high * 1.1);
    }
  });

  it('puts many objects across snippet borders at grids 2, 3 and 4', () => {
    for (const grid of [2, 3, 4]) {
      const across = everyObject.filter(
        ({ image, object }) => !gridCells(image.width, image.height, grid).some((cell) => contains(cell, object.box)),
      );
      expect(across.length / everyObject.length, `grid ${grid}`).toBeGreaterThan(0.3);
    }
  });
});

describe('hard scenes: colour drift (every object)', () => {
  const rgbDistance = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

  it('drifts towards the nearest other palette colour, by an amount within the bounds', () => {
    for (const { image, object } of everyObject) {
      const { drift } = facts(object);
      const own = DEMO_CLASS_COLOURS[object.className];
      const distances = VOC_CLASSES.filter((c) => c !== object.className).map((c) => rgbDistance(own, DEMO_CLASS_COLOURS[c]));
      expect(rgbDistance(own, DEMO_CLASS_COLOURS[drift.toward]), image.id).toBe(Math.min(...distances));
      expect(drift.amount, image.id).toBeGreaterThanOrEqual(COLOUR_DRIFT.usual[0]);
      expect(drift.amount, image.id).toBeLessThan(COLOUR_DRIFT.strong[1]);
    }
  });

  it('paints the drifted colour scaled by the brightness factor', () => {
    for (const { object } of everyObject) {
      const { drift, colour } = facts(object);
      const from = DEMO_CLASS_COLOURS[object.className];
      const to = DEMO_CLASS_COLOURS[drift.toward];
      for (const i of [0, 1, 2] as const) {
        const expected = (from[i] + drift.amount * (to[i] - from[i])) * object.brightness;
        expect(Math.abs(colour[i] - Math.min(255, expected)), object.className).toBeLessThanOrEqual(0.5);
      }
      expect(Math.abs(object.brightness - 1)).toBeLessThanOrEqual(LAYOUT.brightnessJitter);
    }
  });

  it('lets a minority of objects cross the midpoint towards the neighbour', () => {
    const crossed = everyObject.filter(({ object }) => facts(object).drift.amount > 0.5).length;
    expect(crossed).toBeGreaterThan(0);
    expect(crossed / everyObject.length).toBeLessThan(COLOUR_DRIFT.strongRate);
  });
});

describe('hard scenes: clutter, classes, files', () => {
  it('keeps every speck off the visible objects, by the clutter gap', () => {
    for (const image of scenes) {
      const onShape = new Uint8Array(image.width * image.height);
      for (const { shape, hard } of image.layout.objects) {
        const box = hard!.shapeBox;
        for (let y = Math.max(0, box.y0); y < Math.min(image.height, box.y1); y++) {
          for (let x = Math.max(0, box.x0); x < Math.min(image.width, box.x1); x++) {
            if (insideShape(shape, box, x, y)) onShape[y * image.width + x] = 1;
          }
        }
      }
      for (const speck of image.layout.clutter) {
        const zone = inflate(speck.box, LAYOUT.clutterGap);
        let near = false;
        for (let y = Math.max(0, zone.y0); y < Math.min(image.height, zone.y1); y++) {
          for (let x = Math.max(0, zone.x0); x < Math.min(image.width, zone.x1); x++) {
            near ||= onShape[y * image.width + x] === 1;
          }
        }
        expect(near, `${image.id} speck at ${speck.box.x0},${speck.box.y0}`).toBe(false);
      }
    }
  });

  it('covers more of the image with clutter than the default scenes do', () => {
    for (const image of scenes) {
      const covered = image.layout.clutter.reduce((sum, speck) => sum + rectArea(speck.box), 0);
      expect(covered / (image.width * image.height), image.id).toBeGreaterThan(HARD_LAYOUT.clutterCoverage[0]);
    }
  });

  it('uses distinct classes within an image, one large object and the planned small ones', () => {
    for (const image of scenes) {
      const names = image.layout.objects.map((object) => object.className);
      expect(new Set(names).size, image.id).toBe(names.length);
      expect(image.layout.objects.filter((o) => o.role === 'large').map((o) => o.className)).toEqual([image.large]);
      expect(names.length, image.id).toBe(1 + image.small.length);
    }
  });

  it('writes truncated and occluded into the VOC annotation', () => {
    const image = scenes.find((s) => s.layout.objects.some((o) => facts(o).truncated && facts(o).occluded))!;
    const xml = annotationXml(toAnnotated(image), 'voc-demo-hard');
    expect(xml).toContain('<folder>voc-demo-hard</folder>');
    for (const object of image.layout.objects) {
      const flags = `<truncated>${facts(object).truncated ? 1 : 0}</truncated>\n\t\t<occluded>${facts(object).occluded ? 1 : 0}</occluded>`;
      expect(xml).toContain(`<name>${object.className}</name>\n\t\t<pose>Unspecified</pose>\n\t\t${flags}`);
    }
  });

  it('is deterministic, and leaves the default scenes without hard-variant facts', () => {
    // Every image has its own seeds: the first 30 of a smaller dataset repeat exactly.
    const small = { ...HARD_DEMO_DATASET_CONFIG, trainImages: 20, valImages: 10 };
    expect(buildScenes(small)).toEqual(buildScenes(small));
    expect(buildScenes().flatMap((image) => image.layout.objects).some((o) => o.hard !== undefined)).toBe(false);
  });
});
