import { describe, expect, it } from 'vitest';
import { DEMO_BACKGROUND, DEMO_CLASS_COLOURS, type Rgb } from '../../models/generator/demo-palette';
import { seededRandom } from '../../src/core/seeded-random';
import { SHAPE_KINDS, shapeArea, type Rect } from './geometry';
import { jitteredColour, noisyBackground, paintShape, renderScene, type RgbaImage } from './rasterize';
import { buildScenes } from './dataset';

const RED: Rgb = [250, 10, 10];

const pixelAt = (image: RgbaImage, x: number, y: number): number[] => {
  const offset = (y * image.width + x) * 4;
  return [...image.data.subarray(offset, offset + 4)];
};

/** Count and bounding rectangle of the pixels that have exactly `colour`. */
function painted(image: RgbaImage, [r, g, b]: Rgb): { count: number; bounds: Rect } {
  let count = 0;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const [pr, pg, pb] = pixelAt(image, x, y);
      if (pr !== r || pg !== g || pb !== b) continue;
      count++;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x + 1), Math.max(y1, y + 1)];
    }
  }
  return { count, bounds: { x0, y0, x1, y1 } };
}

describe('noisyBackground', () => {
  it('is the palette grey with the same noise on all channels, within the amplitude, opaque', () => {
    const image = noisyBackground(40, 30, 3, seededRandom(5));
    const offsets = new Set<number>();
    for (let i = 0; i < image.data.length; i += 4) {
      const [r, g, b, a] = image.data.subarray(i, i + 4);
      expect([g, b, a]).toEqual([r, r, 255]);
      offsets.add(r! - DEMO_BACKGROUND[0]);
    }
    expect([...offsets].sort((p, q) => p - q)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
  });

  it('is reproducible from the seed', () => {
    const make = (): RgbaImage => noisyBackground(20, 20, 8, seededRandom(9));
    expect(make().data).toEqual(make().data);
  });
});

describe('paintShape', () => {
  const box: Rect = { x0: 10, y0: 7, x1: 71, y1: 48 };
  for (const shape of SHAPE_KINDS) {
    it(`paints a ${shape} of about its analytic area, with the box as its bounds`, () => {
      const image = noisyBackground(90, 60, 0, seededRandom(1));
      paintShape(image, shape, box, RED);
      const { count, bounds } = painted(image, RED);
      expect(Math.abs(count - shapeArea(shape, box)) / shapeArea(shape, box)).toBeLessThan(0.03);
      // A triangle's apex row may hold no pixel centre: its box is then one row taller than its pixels.
      expect(bounds).toEqual(shape === 'triangle' ? { ...box, y0: bounds.y0 } : box);
      expect(bounds.y0 - box.y0).toBeLessThanOrEqual(1);
    });
  }

  it('clips to the image', () => {
    const image = noisyBackground(10, 10, 0, seededRandom(1));
    paintShape(image, 'rectangle', { x0: -5, y0: 5, x1: 20, y1: 20 }, RED);
    expect(painted(image, RED).count).toBe(50);
  });
});

describe('jitteredColour', () => {
  it('scales and clamps', () => {
    expect(jitteredColour([200, 100, 250], 1.06)).toEqual([212, 106, 255]);
    expect(jitteredColour([200, 100, 0], 0.94)).toEqual([188, 94, 0]);
  });
});

describe('renderScene', () => {
  it('paints each object in its jittered class colour and the clutter in class colours', () => {
    const scene = buildScenes()[0]!;
    const image = renderScene(scene.layout, 3, seededRandom(2));
    for (const object of scene.layout.objects) {
      const colour = jitteredColour(DEMO_CLASS_COLOURS[object.className], object.brightness);
      const cx = Math.floor((object.box.x0 + object.box.x1) / 2);
      const cy = Math.floor((object.box.y0 + object.box.y1) / 2);
      if (object.shape !== 'triangle') expect(pixelAt(image, cx, cy)).toEqual([...colour, 255]);
      expect(painted(image, colour).count).toBeGreaterThan(0.9 * shapeArea(object.shape, object.box));
    }
    for (const { box, className } of scene.layout.clutter) {
      expect(pixelAt(image, box.x0, box.y0)).toEqual([...DEMO_CLASS_COLOURS[className], 255]);
    }
  });
});
