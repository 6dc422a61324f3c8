import { describe, expect, it } from 'vitest';
import { refinedFileStem, refinedLabelsCsv, refinedLabelsJson, type RefinedLabelTable } from './refined-label-export';

// 2 images × 2 classes; values exact in float32 (binary fractions) so the round trip is exact.
const table: RefinedLabelTable = {
  ids: ['img1', 'img,2'],
  classes: ['cat', 'dog'],
  initial: new Float32Array([0.5, 0.25, 0.125, 1]),
  refined: new Float32Array([0.75, 0.0625, 0.5, 0.875]),
  truth: new Int8Array([1, -1, 0, 1]),
};
const run = { id: 'run-abc', name: '#3', epoch: 12 };
const context = { dataset: 'Demo', split: 'val', model: 'demo-clip', runKey: 'key-1', prompts: null, exportedAt: '2026-01-01T00:00:00.000Z' };

describe('refinedFileStem', () => {
  it('names the run of images, then the training run and epoch', () => {
    const images = { dataset: 'voc-demo', split: 'val', model: 'demo-clip', grid: 3 };
    expect(refinedFileStem(images, run)).toBe('cdul-voc-demo-val-demo-clip-grid3-refined-run3-epoch12');
    expect(refinedFileStem(images, { name: 'sweep 1 · 2/4', epoch: 5 })).toBe('cdul-voc-demo-val-demo-clip-grid3-refined-run-sweep-1-2-4-epoch5');
    expect(refinedFileStem({ ...images, split: null }, { name: '·', epoch: 0 })).toBe('cdul-voc-demo-all-demo-clip-grid3-refined-run-unnamed-epoch0');
  });
});

describe('refinedLabelsCsv', () => {
  it('writes one row per image and class: id, class, Y0, refined, truth', () => {
    expect(refinedLabelsCsv(table)).toBe(
      'image_id,class,y0,refined,truth\n' +
        'img1,cat,0.500000,0.750000,1\n' +
        'img1,dog,0.250000,0.062500,-1\n' +
        '"img,2",cat,0.125000,0.500000,0\n' +
        '"img,2",dog,1.000000,0.875000,1\n',
    );
  });

  it('round-trips the values', () => {
    const rows = refinedLabelsCsv(table).trim().split('\n').slice(1);
    const refined = rows.map((line) => Number(line.split(',').at(-2)));
    const initial = rows.map((line) => Number(line.split(',').at(-3)));
    expect(Float32Array.from(refined)).toEqual(table.refined);
    expect(Float32Array.from(initial)).toEqual(table.initial);
  });

  it('refuses arrays of the wrong shape', () => {
    expect(() => refinedLabelsCsv({ ...table, refined: new Float32Array(3) })).toThrow(/refined/);
    expect(() => refinedLabelsCsv({ ...table, truth: new Int8Array(5) })).toThrow(RangeError);
  });
});

describe('without ground truth', () => {
  const unlabelled = { ...table, truth: null };

  it('the CSV leaves the truth column out', () => {
    expect(refinedLabelsCsv(unlabelled)).toBe(
      'image_id,class,y0,refined\n' +
        'img1,cat,0.500000,0.750000\n' +
        'img1,dog,0.250000,0.062500\n' +
        '"img,2",cat,0.125000,0.500000\n' +
        '"img,2",dog,1.000000,0.875000\n',
    );
    expect(() => refinedLabelsCsv({ ...unlabelled, initial: new Float32Array(3) })).toThrow(/Y0/);
  });

  it('the JSON has no truth maps and says the dataset has none', () => {
    const json = JSON.parse(refinedLabelsJson(unlabelled, run, context));
    expect(json.truthMeaning).toMatch(/no ground truth/);
    expect(json.images[1]).toEqual({ id: 'img,2', y0: { cat: 0.125, dog: 1 }, refined: { cat: 0.5, dog: 0.875 } });
  });
});

describe('refinedLabelsJson', () => {
  it('holds the training run, the context and per image Y0, refined and truth maps', () => {
    const json = JSON.parse(refinedLabelsJson(table, run, context));
    expect(json.format).toBe('cdul-refined-labels');
    expect(json.trainingRun).toEqual({ id: 'run-abc', name: '#3', epoch: 12 });
    expect(json.runKey).toBe('key-1');
    expect(json.classes).toEqual(['cat', 'dog']);
    expect(json.images.map((image: { id: string }) => image.id)).toEqual(['img1', 'img,2']);
    expect(json.truthMeaning).toBe('1 positive, -1 negative, 0 difficult-only');
    expect(json.images[1]).toEqual({ id: 'img,2', y0: { cat: 0.125, dog: 1 }, refined: { cat: 0.5, dog: 0.875 }, truth: { cat: 0, dog: 1 } });
  });

  it('round-trips float32 values exactly', () => {
    const values = { ...table, refined: new Float32Array([0.1, 0.2, 0.3, 0.123456789]) };
    const json = JSON.parse(refinedLabelsJson(values, run, context));
    const back = new Float32Array(json.images.flatMap((image: { refined: Record<string, number> }) => [image.refined.cat, image.refined.dog]));
    expect(back).toEqual(values.refined);
  });
});
