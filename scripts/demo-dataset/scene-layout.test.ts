import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/seeded-random';
import { VOC_CLASSES } from '../../src/core/voc/voc-classes';
import { DEMO_DATASET_CONFIG, buildScenes, type DemoImage } from './dataset';
import {
  centreSquare,
  contains,
  gridCells,
  insideShape,
  intersects,
  rectArea,
  shapeArea,
  type Rect,
} from './geometry';
import { nearShape, placeBox } from './scene-layout';

const scenes = buildScenes();
const imageArea = (image: DemoImage): number => image.width * image.height;
const largeOf = (image: DemoImage) => image.layout.objects.filter((object) => object.role === 'large');
const smallOf = (image: DemoImage) => image.layout.objects.filter((object) => object.role === 'small');
const splits = ['train', 'val'] as const;

describe('gridCells', () => {
  it('cuts ⌊W/3⌋×⌊H/3⌋ cells row-major, dropping the remainder, as the snippet grid does', () => {
    const cells = gridCells(320, 241);
    expect(cells).toHaveLength(9);
    expect(cells[0]).toEqual({ x0: 0, y0: 0, x1: 106, y1: 80 });
    expect(cells[1]).toEqual({ x0: 106, y0: 0, x1: 212, y1: 80 });
    expect(cells[8]).toEqual({ x0: 212, y0: 160, x1: 318, y1: 240 });
  });

  it("centreSquare keeps the square CLIP's centre crop sees", () => {
    expect(centreSquare({ x0: 106, y0: 80, x1: 212, y1: 160 })).toEqual({ x0: 119, y0: 80, x1: 199, y1: 160 });
    expect(centreSquare({ x0: 0, y0: 0, x1: 80, y1: 107 })).toEqual({ x0: 0, y0: 13, x1: 80, y1: 93 });
  });
});

describe('placeBox', () => {
  it('keeps the box inside the region with about the asked area and a sane aspect ratio', () => {
    const random = seededRandom(1);
    const region: Rect = { x0: 10, y0: 20, x1: 110, y1: 100 };
    for (let i = 0; i < 200; i++) {
      const area = 500 + random() * 4000;
      const box = placeBox(region, area, random);
      expect(contains(region, box)).toBe(true);
      expect(Math.abs(rectArea(box) - area) / area).toBeLessThan(0.05);
    }
  });
});

describe('scene layout (every generated scene)', () => {
  it('has the configured image counts, sizes and ids, with disjoint splits', () => {
    const counts = splits.map((split) => scenes.filter((image) => image.split === split).length);
    expect(counts).toEqual([DEMO_DATASET_CONFIG.trainImages, DEMO_DATASET_CONFIG.valImages]);
    expect(new Set(scenes.map((image) => image.id)).size).toBe(scenes.length);
    expect(scenes[0]?.id).toBe('demo_000001');
    const sizes = DEMO_DATASET_CONFIG.sizes.map(({ width, height }) => `${width}x${height}`);
    for (const image of scenes) expect(sizes).toContain(`${image.width}x${image.height}`);
    // Every size occurs, so the demo has VOC-like mixed aspect ratios.
    expect(new Set(scenes.map((image) => `${image.width}x${image.height}`)).size).toBe(sizes.length);
  });

  it('has one large object covering 25–45% of the image', () => {
    for (const image of scenes) {
      const large = largeOf(image);
      expect(large).toHaveLength(1);
      const coverage = shapeArea(large[0]!.shape, large[0]!.box) / imageArea(image);
      expect(coverage, image.id).toBeGreaterThanOrEqual(0.25);
      expect(coverage, image.id).toBeLessThanOrEqual(0.45);
    }
  });

  it('has 1–3 small objects of 2–5% each, each inside a single 3×3 grid cell', () => {
    for (const image of scenes) {
      const small = smallOf(image);
      expect(small.length, image.id).toBeGreaterThanOrEqual(1);
      expect(small.length, image.id).toBeLessThanOrEqual(3);
      const cells = gridCells(image.width, image.height);
      for (const object of small) {
        const coverage = shapeArea(object.shape, object.box) / imageArea(image);
        expect(coverage, image.id).toBeGreaterThanOrEqual(0.02);
        expect(coverage, image.id).toBeLessThanOrEqual(0.05);
        const holding = cells.filter((cell) => contains(cell, object.box));
        expect(holding, `${image.id} ${object.className}`).toHaveLength(1);
        // …and inside the part of that snippet CLIP's centre crop keeps.
        expect(contains(centreSquare(holding[0]!), object.box)).toBe(true);
      }
    }
  });

  it('never overlaps objects (not even their boxes) and keeps them inside the image', () => {
    for (const image of scenes) {
      const frame: Rect = { x0: 0, y0: 0, x1: image.width, y1: image.height };
      const boxes = image.layout.objects.map((object) => object.box);
      boxes.forEach((box, i) => {
        expect(contains(frame, box), image.id).toBe(true);
        for (const other of boxes.slice(i + 1)) expect(intersects(box, other), image.id).toBe(false);
      });
    }
  });

  it('uses distinct classes within an image', () => {
    for (const image of scenes) {
      const names = image.layout.objects.map((object) => object.className);
      expect(new Set(names).size, image.id).toBe(names.length);
    }
  });

  it('marks a few small objects difficult, never a large one', () => {
    const objects = scenes.flatMap((image) => image.layout.objects);
    const difficult = objects.filter((object) => object.difficult);
    expect(difficult.every((object) => object.role === 'small')).toBe(true);
    expect(difficult.length).toBeGreaterThan(5);
    expect(difficult.length).toBeLessThan(60);
  });

  it('shows every class as large and as small object in each split, about uniformly', () => {
    for (const split of splits) {
      const inSplit = scenes.filter((image) => image.split === split);
      for (const role of ['large', 'small'] as const) {
        const objects = inSplit.flatMap((image) => image.layout.objects).filter((o) => o.role === role);
        const counts = VOC_CLASSES.map((name) => objects.filter((o) => o.className === name).length);
        expect(Math.min(...counts), `${split} ${role}`).toBeGreaterThan(0);
        expect(Math.max(...counts) - Math.min(...counts), `${split} ${role}`).toBeLessThanOrEqual(2);
      }
    }
  });

  it('scatters unannotated clutter of 2–4 px specks over 1–3% of the image, off the shapes', () => {
    for (const image of scenes) {
      const { clutter, objects } = image.layout;
      const frame: Rect = { x0: 0, y0: 0, x1: image.width, y1: image.height };
      let covered = 0;
      for (const speck of clutter) {
        const side = speck.box.x1 - speck.box.x0;
        expect(side).toBe(speck.box.y1 - speck.box.y0);
        expect(side).toBeGreaterThanOrEqual(2);
        expect(side).toBeLessThanOrEqual(4);
        expect(contains(frame, speck.box)).toBe(true);
        expect(objects.some((object) => nearShape(object, speck.box)), image.id).toBe(false);
        covered += rectArea(speck.box);
      }
      expect(covered / imageArea(image), image.id).toBeGreaterThanOrEqual(0.01);
      expect(covered / imageArea(image), image.id).toBeLessThanOrEqual(0.03);
    }
  });

  it('puts every box centre of an ellipse or rectangle inside its shape', () => {
    for (const image of scenes) {
      for (const { shape, box } of image.layout.objects) {
        if (shape === 'triangle') continue;
        const x = Math.floor((box.x0 + box.x1) / 2);
        const y = Math.floor((box.y0 + box.y1) / 2);
        expect(insideShape(shape, box, x, y)).toBe(true);
      }
    }
  });

  it('is deterministic', () => {
    expect(buildScenes()).toEqual(scenes);
  });
});
