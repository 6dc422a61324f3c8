import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../cli/node-file-source';
import { computePseudoLabels } from '../evaluation/pseudo-labels';
import { loadReferenceCache } from '../ref-cache/load-reference-cache';
import { createMatrix, type LabelMatrix, type Matrix } from '../types';
import { loadVocDataset } from '../voc';
import { CpuTrainer } from './cpu-trainer';
import type { TrainingData } from './trainer';
import { trainingMeanAp } from './training-metrics';
import { DEFAULT_TRAINING_SETTINGS } from './training-settings';

/** The mAP of the labels a run starts from (epoch 0), as `cdul train` reports it. */
function startMap(initialLabels: Matrix, trainTruth: LabelMatrix, classes: readonly string[]): number | null {
  const features = createMatrix(initialLabels.rows, 2, new Float32Array(initialLabels.rows * 2).fill(1));
  const data: TrainingData = { features, initialLabels, trainTruth, classes };
  return new CpuTrainer(data, DEFAULT_TRAINING_SETTINGS).pseudoLabelMap();
}

describe('the labels training starts from are Y0 (issue 14, item 2)', () => {
  it('keeps the order of labels below ε = 1e-6, which a clamp to [ε, 1−ε] would tie', () => {
    // Ranked by Y0: 0.9 (+), 1e-7 (+), 1e-8 (−), 1e-9 (−) → AP 1. Clamped, the last three tie at ε and
    // step-wise AP drops to ½·1 + ½·(2/4) = 0.75.
    const labels = createMatrix(4, 1, Float32Array.from([0.9, 1e-7, 1e-9, 1e-8]));
    const truth: LabelMatrix = { rows: 4, cols: 1, data: Int8Array.from([1, 1, -1, -1]) };
    expect(trainingMeanAp(labels, truth, ['a'])).toBe(100);
    expect(startMap(labels, truth, ['a'])).toBe(100);
  });

  it('starts exact 0 and 1 labels at finite logits, in Y0’s order', () => {
    const labels = createMatrix(4, 1, Float32Array.from([0, 1, 0.5, 1e-30]));
    const truth: LabelMatrix = { rows: 4, cols: 1, data: Int8Array.from([-1, 1, 1, -1]) };
    const start = new CpuTrainer(
      { features: createMatrix(4, 1, new Float32Array(4).fill(1)), initialLabels: labels, trainTruth: truth, classes: ['a'] },
      DEFAULT_TRAINING_SETTINGS,
    ).state().latent;
    expect(Array.from(start).every(Number.isFinite)).toBe(true);
    expect(start[0]!).toBeLessThan(start[3]!);
    expect(start[3]!).toBeLessThan(start[2]!);
    expect(start[2]!).toBeLessThan(start[1]!);
  });

  it.each([
    ['0', 'final@0'],
    ['0.1', 'final@0.1'],
  ])('on the seed-cache sample (reference caches, ζ %s): start mAP = Y0 mAP = expected-map.json', async (zeta, key) => {
    const SEED = 'e2e/fixtures/seed-cache-sample';
    const expected = JSON.parse(readFileSync(`${SEED}/expected-map.json`, 'utf8')) as Record<string, number>;
    const source = createNodeFileSource(SEED);
    const dataset = await loadVocDataset(source, { split: 'train' });
    const cache = await loadReferenceCache(source, 'clip_cache/model_RN50x64', dataset.ids, { grid: 3, classCount: 20 });
    expect(cache.ids).toEqual(dataset.ids);
    const y0 = computePseudoLabels(cache.inputs, { mode: 'final', zeta: Number(zeta), lambda: 0 });
    const y0Map = trainingMeanAp(y0, dataset.labels, dataset.classes);
    expect(y0Map).toBeCloseTo(expected[key]!, 6);
    expect(startMap(y0, dataset.labels, dataset.classes)).toBe(y0Map);
  });
});
