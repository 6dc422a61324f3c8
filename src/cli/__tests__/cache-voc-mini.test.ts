import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeNpy } from '../../core/formats/npy';
import { CACHE_FILES, type CacheManifest } from '../../core/init-cache/cache-manifest';
import { VOC_MINI, runCliInProcess } from './run-cli';

const out = mkdtempSync(join(tmpdir(), 'cdul-cache-mini-'));
const read = (name: string) => decodeNpy(new Uint8Array(readFileSync(join(out, name))), name);

/** softmax(scale · cos) in float64, written independently of the core's similarity code. */
function referenceSoftmax(image: Float32Array, texts: Float32Array, d: number, scale: number): number[] {
  const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));
  const classes = texts.length / d;
  const logits = Array.from({ length: classes }, (_, c) => {
    const t = texts.subarray(c * d, (c + 1) * d);
    return (scale * image.reduce((s, x, k) => s + x * t[k]!, 0)) / (norm(image) * norm(t));
  });
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

describe('cdul cache on voc-mini (100 real VOC photos) with tiny-vit, 3×3 grid', () => {
  let manifest: CacheManifest;
  beforeAll(async () => {
    const run = await runCliInProcess(['cache', '--voc', VOC_MINI, '--model', 'models/tiny-vit', '--grid', '3', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/100 images encoded, 0 skipped · model tiny-vit · grid 3×3 · 20 classes/);
    manifest = JSON.parse(readFileSync(join(out, CACHE_FILES.manifest), 'utf8')) as CacheManifest;
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes the manifest: ids, classes, prompts, model, input size, grid, logit scale', () => {
    expect(manifest.ids).toHaveLength(100);
    expect(manifest.ids[0]).toBe('2007_000027');
    expect(manifest.classes).toHaveLength(20);
    expect(manifest.prompts[10]).toBe('a photo of a dining table');
    expect(manifest.model).toMatchObject({ id: 'tiny-vit', inputSize: 224, embedDim: 64 });
    expect(manifest.model.logitScale).toBeCloseTo(100, 9);
    expect(manifest.grid).toBe(3);
    expect(manifest.skipped).toEqual([]);
  });

  it('writes .npy arrays of the documented shapes', () => {
    expect(read(CACHE_FILES.globalEmbeds).shape).toEqual([100, 64]);
    expect(read(CACHE_FILES.localEmbeds).shape).toEqual([100, 9, 64]);
    expect(read(CACHE_FILES.textEmbeds).shape).toEqual([20, 64]);
    expect(read(CACHE_FILES.global).shape).toEqual([100, 20]);
    expect(read(CACHE_FILES.local).shape).toEqual([100, 9, 20]);
  });

  it('softmax rows sum to 1, and global equals softmax(100 · cos) of the stored embeddings', () => {
    const global = read(CACHE_FILES.global).data;
    const local = read(CACHE_FILES.local).data;
    for (let row = 0; row < 100; row++) {
      expect(global.subarray(row * 20, row * 20 + 20).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    for (let row = 0; row < 900; row++) {
      expect(local.subarray(row * 20, row * 20 + 20).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    const embeds = read(CACHE_FILES.globalEmbeds).data;
    const texts = read(CACHE_FILES.textEmbeds).data;
    for (const row of [0, 37, 99]) {
      const expected = referenceSoftmax(embeds.subarray(row * 64, row * 64 + 64), texts, 64, 100);
      expected.forEach((value, c) => expect(global[row * 20 + c]).toBeCloseTo(value, 6));
    }
  });

  it('the snippet embeddings differ from the global one (the crops really are different)', () => {
    const globalEmbeds = read(CACHE_FILES.globalEmbeds).data.subarray(0, 64);
    const firstSnippet = read(CACHE_FILES.localEmbeds).data.subarray(0, 64);
    expect(Array.from(firstSnippet)).not.toEqual(Array.from(globalEmbeds));
  });

  it('a rerun finds the cache complete and recomputes nothing', async () => {
    const before = readFileSync(join(out, CACHE_FILES.local));
    const run = await runCliInProcess(['cache', '--voc', VOC_MINI, '--model', 'models/tiny-vit', '--grid', '3', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/already complete \(100 images\); nothing to do/);
    expect(readFileSync(join(out, CACHE_FILES.local)).equals(before)).toBe(true);
  });

  it('refuses to overwrite it with a run of other settings', async () => {
    const run = await runCliInProcess(['cache', '--voc', VOC_MINI, '--model', 'models/tiny-vit', '--grid', '2', '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/holds a finished cache made with other settings/);
    expect(JSON.parse(readFileSync(join(out, CACHE_FILES.manifest), 'utf8')).grid).toBe(3);
  });

  it('evaluate --source cache reads it; --scale paper reproduces the stored similarities, reference differs', async () => {
    const evaluate = async (extra: string[]) => {
      const run = await runCliInProcess(['evaluate', '--voc', VOC_MINI, '--source', 'cache', '--cache', out, '--mode', 'final', '--thresh', '0.1', '--json', ...extra]);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { mAP: number; images: number; grid: number; split: string; scale: number };
    };
    const stored = await evaluate([]);
    expect(stored).toMatchObject({ images: 100, grid: 3, split: '(all annotated images)' });
    expect(stored.mAP).toBeGreaterThan(0);
    const paper = await evaluate(['--scale', 'paper']);
    expect(paper.mAP).toBeCloseTo(stored.mAP, 6);
    const reference = await evaluate(['--scale', 'reference']);
    expect(reference.scale).toBeCloseTo(1 / Math.log(100), 12);
    expect(reference.mAP).not.toBeCloseTo(stored.mAP, 3);
  });
});
