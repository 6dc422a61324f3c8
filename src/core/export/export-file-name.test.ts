import { describe, expect, it } from 'vitest';
import type { LabSettings } from '../evaluation/lab-settings';
import { joinRunKey, sha256Hex } from '../init-cache/run-key';
import { ALL_IMAGES } from '../voc';
import { exportedRunOfKey, exportFileStem, fileNamePart, runFileStem, settingsFileStem, trainingRunPart } from './export-file-name';

const settings: LabSettings = { zeta: 0.1, lambda: 0, scale: null, convention: 'step', difficult: 'positive' };
const demo = { dataset: 'voc-demo', split: 'val', model: 'demo-clip', grid: 3 };

describe('export file names', () => {
  it('start with the dataset, split, model and grid of the exported run', () => {
    expect(runFileStem(demo)).toBe('cdul-voc-demo-val-demo-clip-grid3');
    expect(runFileStem({ dataset: 'VOC2007', split: null, model: 'Xenova/clip-vit-base-patch32', grid: 1 })).toBe('cdul-VOC2007-all-Xenova-clip-vit-base-patch32-grid1');
    expect(settingsFileStem(demo, 'final', settings)).toBe('cdul-voc-demo-val-demo-clip-grid3-final-zeta0.10-lambda0.00-step');
    // A run of the split's first N images says so (it holds other images than the whole split's).
    expect(runFileStem({ ...demo, limit: 50 })).toBe('cdul-voc-demo-val-first50-demo-clip-grid3');
  });

  it('differ for two datasets, splits, models or grids at the same setting (the names that collided)', () => {
    const scale100 = { ...settings, scale: 100 };
    const names = [
      demo,
      { ...demo, dataset: 'voc-mini' },
      { ...demo, split: 'train' },
      { ...demo, model: 'tiny-vit' },
      { ...demo, grid: 2 },
      { ...demo, limit: 50 },
    ].map((run) => settingsFileStem(run, 'final', scale100));
    expect(new Set(names).size).toBe(6);
    expect(names[1]).toBe('cdul-voc-mini-val-demo-clip-grid3-final-zeta0.10-lambda0.00-step-scale100');
  });

  it('name the setting: temperature, difficult handling, a prompt template of its own, a grid of its own', () => {
    expect(settingsFileStem(demo, 'aggregate', { zeta: 0.5, lambda: 1, scale: 1 / Math.log(100), convention: 'voc07', difficult: 'ignore' })).toBe(
      'cdul-voc-demo-val-demo-clip-grid3-aggregate-zeta0.50-lambda1.00-voc07-scale0.217-difficult-ignored',
    );
    const template = 'a photo of a {}.';
    expect(settingsFileStem(demo, 'report', { ...settings, promptTemplate: template })).toBe(
      `cdul-voc-demo-val-demo-clip-grid3-report-zeta0.10-lambda0.00-step-prompts-${sha256Hex(template).slice(0, 8)}`,
    );
    // Compare's B at another stored grid names that grid.
    expect(settingsFileStem(demo, 'final', { ...settings, grid: 5 })).toBe('cdul-voc-demo-val-demo-clip-grid5-final-zeta0.10-lambda0.00-step');
  });

  it('hold only letters, digits, dots, underscores and dashes, whatever the folder is called', () => {
    expect(fileNamePart('My photos: 2024/summer (50 files)')).toBe('My-photos-2024-summer-50-files');
    expect(fileNamePart('Café Ärger')).toBe('Cafe-Arger');
    expect(fileNamePart('../..')).toBe('unnamed');
    expect(fileNamePart('')).toBe('unnamed');
    expect(fileNamePart('x'.repeat(100))).toBe('x'.repeat(48));
    expect(exportFileStem({ dataset: 'a b', split: 'val/1', model: 'm:1', grid: 4 }, 'head', 'run 3')).toBe('cdul-a-b-val-1-m-1-grid4-head-run-3');
    expect(exportFileStem(demo, 'x')).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('name training runs as words', () => {
    expect(trainingRunPart('#3')).toBe('run3');
    expect(trainingRunPart('sweep 1 · 2/4')).toBe('run-sweep-1-2-4');
    expect(trainingRunPart('·')).toBe('run-unnamed');
  });
});

describe('a run read back from its store key', () => {
  it('gives the split, model and grid of joinRunKey’s layout, the source as the dataset', () => {
    const key = joinRunKey('voc:3f2a9c01b7de', { split: 'val', modelId: 'Xenova/clip-vit-base-patch32', preHash: '5e0c1a7b', grid: 3 });
    expect(exportedRunOfKey(key)).toEqual({ dataset: 'voc-3f2a9c01b7de', split: 'val', model: 'Xenova/clip-vit-base-patch32', grid: 3 });
    const all = joinRunKey('cdul-cache:abc', { split: ALL_IMAGES, modelId: 'demo-clip', preHash: '00000000', grid: 2 });
    expect(exportedRunOfKey(all)).toEqual({ dataset: 'cdul-cache-abc', split: null, model: 'demo-clip', grid: 2 });
    expect(exportedRunOfKey('reference-cache:clip_cache/model_RN50x64/grid:3/split:all')).toBeNull();
  });
});
