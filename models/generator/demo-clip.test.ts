import { beforeAll, describe, expect, it } from 'vitest';
import type * as ort from 'onnxruntime-node';
import { VOC_CLASSES, naturalClassName, type VocClass } from '../../src/core/voc/voc-classes';
import { BACKGROUND_AXIS, DEMO_EMBED_DIM, UNKNOWN_AXIS, UNKNOWN_TOKEN_WEIGHT } from './demo-clip-design';
import { classTokenWeights } from './demo-clip-text';
import { DEMO_BACKGROUND, DEMO_CLASS_COLOURS, type Rgb } from './demo-palette';
import { loadClipTokenizer } from './model-files';
import { jpegRoundTrip, paint, pixelValues, withLuminanceNoise, type RgbaImage } from './__fixtures__/demo-images';
import { cosine, embedImages, embedTexts, loadModel, tokenize } from './__fixtures__/model-session';

/** demo-clip's similarities mean "share of the class's colour", on hand-made demo-like images. */
const S = 224;
const tokenizer = loadClipTokenizer();
const grey = DEMO_BACKGROUND;
const prompt = (name: string) => `a photo of a ${name}`;
/** The demo dataset's look: luminance noise ±8 on every pixel, then JPEG quality 90. */
const demoLike = (image: RgbaImage, seed: number) => jpegRoundTrip(withLuminanceNoise(image, 8, seed), 90);

let vision: ort.InferenceSession;
let text: ort.InferenceSession;
let classPrompts: Float32Array[];

beforeAll(async () => {
  [vision, text] = await Promise.all([loadModel('demo-clip', 'vision'), loadModel('demo-clip', 'text')]);
  classPrompts = await embedTexts(text, tokenize(tokenizer, VOC_CLASSES.map((c) => prompt(naturalClassName(c)))));
});

async function similarities(images: readonly RgbaImage[]): Promise<number[][]> {
  const embeds = await embedImages(vision, pixelValues(images), S);
  return embeds.map((e) => classPrompts.map((p) => cosine(e, p)));
}

const ranked = (cos: readonly number[]) =>
  cos.map((c, k) => ({ className: VOC_CLASSES[k]!, cos: c })).sort((a, b) => b.cos - a.cos);

describe('demo-clip image tower', () => {
  it('half aeroplane red, half grey: aeroplane first at cos 1/√2, every other class ≈ 0', async () => {
    const half = paint(S, (x) => (x < S / 2 ? DEMO_CLASS_COLOURS.aeroplane : grey));
    for (const cos of await similarities([half, demoLike(half, 1)])) {
      const [first, second] = ranked(cos);
      expect(first!.className).toBe('aeroplane');
      expect(first!.cos).toBeCloseTo(Math.SQRT1_2, 2);
      expect(second!.cos).toBeLessThan(0.01);
    }
  });

  it('pure noisy background: every class ≈ 0, so softmax(100·cos) is near uniform', async () => {
    const [cos] = await similarities([demoLike(paint(S, () => grey), 2)]);
    for (const c of cos!) expect(Math.abs(c)).toBeLessThan(1e-3);
    const weights = cos!.map((c) => Math.exp(100 * c));
    const total = weights.reduce((s, w) => s + w, 0);
    for (const w of weights) expect(w / total).toBeCloseTo(1 / 20, 2);
  });

  it('a scene ranks the large object, then the small one, then a clutter colour', async () => {
    const colourAt = (x: number, y: number): Rgb => {
      if ((x - 80) ** 2 + (y - 90) ** 2 < 56 ** 2) return DEMO_CLASS_COLOURS.dog; // ≈ 20%
      if (x >= 160 && x < 200 && y >= 150 && y < 210) return DEMO_CLASS_COLOURS.person; // ≈ 5%
      if (y < 60 && x % 40 < 3 && y % 50 < 3) return DEMO_CLASS_COLOURS.cat; // 3-pixel specks
      return grey;
    };
    const [cos] = await similarities([demoLike(paint(S, colourAt), 3)]);
    const order = ranked(cos!);
    expect(order.slice(0, 3).map((r) => r.className)).toEqual(['dog', 'person', 'cat']);
    expect(order[0]!.cos).toBeGreaterThan(0.2);
    expect(order[1]!.cos).toBeGreaterThan(0.05);
    expect(order[2]!.cos).toBeLessThan(0.01);
  });

  it('each of the 20 class colours, bright or dark, as a square on the background, is its own class', async () => {
    const square = (colour: Rgb) => paint(S, (x, y) => (x >= 62 && x < 162 && y >= 62 && y < 162 ? colour : grey));
    const images = VOC_CLASSES.map((c, i) => demoLike(square(DEMO_CLASS_COLOURS[c]), 10 + i));
    const all = await similarities(images);
    all.forEach((cos, c) => {
      const [first, second] = ranked(cos);
      expect(first!.className).toBe(VOC_CLASSES[c]);
      expect(first!.cos - second!.cos).toBeGreaterThan(0.15);
    });
  });
});

describe('demo-clip text tower', () => {
  const axis = (embedding: Float32Array) => Array.from(embedding).indexOf(Math.max(...embedding));

  it('embeds each class prompt as its class axis', () => {
    classPrompts.forEach((embedding, c) => {
      expect(embedding).toHaveLength(DEMO_EMBED_DIM);
      expect(axis(embedding)).toBe(c);
      expect(embedding[c]).toBeCloseTo(1, 6);
      const unit = new Float32Array(DEMO_EMBED_DIM);
      unit[c] = 1;
      expect(cosine(embedding, unit)).toBeGreaterThan(0.9999);
    });
  });

  it('accepts the VOC folder tokens for the three two-word classes', async () => {
    const folders: VocClass[] = ['diningtable', 'pottedplant', 'tvmonitor'];
    const embeds = await embedTexts(text, tokenize(tokenizer, folders.map(prompt)));
    embeds.forEach((embedding, i) => {
      expect(axis(embedding)).toBe(VOC_CLASSES.indexOf(folders[i]!));
      expect(embedding[axis(embedding)]).toBeCloseTo(1, 6);
    });
  });

  it('gives a prompt naming no class a non-zero embedding orthogonal to every image', async () => {
    const [zebra] = await embedTexts(text, tokenize(tokenizer, [prompt('zebra')]));
    expect(axis(zebra!)).toBe(UNKNOWN_AXIS);
    expect(Math.hypot(...zebra!)).toBeGreaterThan(0);
    const sheep = paint(S, (x) => (x < 100 ? DEMO_CLASS_COLOURS.sheep : grey));
    const [image] = await embedImages(vision, pixelValues([sheep]), S);
    expect(image![BACKGROUND_AXIS]).toBeGreaterThan(0);
    expect(cosine(image!, zebra!)).toBe(0);
  });

  it('sums only the tokens the attention mask keeps', async () => {
    const tokens = tokenize(tokenizer, [prompt('dog')]);
    const allOnes = { ids: tokens.ids, masks: [tokens.masks[0]!.map(() => 1)] };
    const [masked, unmasked] = [...(await embedTexts(text, tokens)), ...(await embedTexts(text, allOnes))];
    const realTokens = tokens.masks[0]!.filter((m) => m === 1).length;
    expect(masked![UNKNOWN_AXIS]).toBeCloseTo((realTokens - 1) * UNKNOWN_TOKEN_WEIGHT, 7);
    expect(unmasked![UNKNOWN_AXIS]).toBeCloseTo((77 - 1) * UNKNOWN_TOKEN_WEIGHT, 6);
  });

  it("gives each class's name tokens weights that sum to one, and no token to two classes", () => {
    const weights = classTokenWeights(tokenizer);
    const totals = new Array<number>(20).fill(0);
    for (const { axis: c, weight } of weights.values()) totals[c]! += weight;
    // The folder tokens' own pieces (din·ing, pot·ted, tv) carry the half their shared word (table,
    // plant, monitor) does not, on top of the natural name's 1.
    VOC_CLASSES.forEach((className, c) => {
      const extra = naturalClassName(className) === className ? 0 : 0.5;
      expect(totals[c]).toBeCloseTo(1 + extra, 10);
    });
  });
});
