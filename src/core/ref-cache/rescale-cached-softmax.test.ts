import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../cli/node-file-source';
import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../cdul/temperature';
import { evaluatePseudoLabels } from '../evaluation/evaluate-pseudo-labels';
import { createMatrix, type LabelMatrix } from '../types';
import { loadVocDataset } from '../voc';
import { loadReferenceCache } from './load-reference-cache';
import { rescaleSoftmaxRow, rescaleSoftmaxRows } from './rescale-cached-softmax';

const OWN = REFERENCE_REPRODUCTION_SCALE.scale;

/** softmax(scale · x) in float64, written out (no max shift: the hand cases' logits are small). */
function softmax(x: readonly number[], scale: number): number[] {
  const exps = x.map((value) => Math.exp(scale * value));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / sum);
}

describe('rescaleSoftmaxRow: cosines recovered from a softmax up to a constant', () => {
  const cos = [0.31, 0.12, -0.05, 0.27, 0.3, 0.18];
  it.each([
    ['the paper / CLIP model (100)', PAPER_SCALE.scale],
    ['the cache’s own (1/ln 100)', OWN],
    ['1', 1],
    ['20', 20],
    ['0.01', 0.01],
  ])('softmax at 1/ln 100, rescaled to %s, is the direct softmax to 1e-12', (_name, scale) => {
    const rescaled = rescaleSoftmaxRow(softmax(cos, OWN), OWN, scale);
    const direct = softmax(cos, scale);
    rescaled.forEach((value, c) => expect(Math.abs(value - direct[c]!)).toBeLessThan(1e-12));
  });

  it('two classes at scale 100: σ(100 · (a − b)), whatever constant the cosines carry', () => {
    for (const shift of [0, 0.4, -0.9]) {
      const [first] = rescaleSoftmaxRow(softmax([0.3 + shift, 0.25 + shift], OWN), OWN, 100);
      expect(Math.abs(first! - 1 / (1 + Math.exp(-5)))).toBeLessThan(1e-12);
    }
  });

  it('goes back from a cache at scale 100 to 1/ln 100 too', () => {
    const rescaled = rescaleSoftmaxRow(softmax(cos, 100), 100, OWN);
    const direct = softmax(cos, OWN);
    rescaled.forEach((value, c) => expect(Math.abs(value - direct[c]!)).toBeLessThan(1e-12));
  });

  it('keeps an underflowed 0 at 0 and rescales the other classes among themselves', () => {
    const kept = softmax([0.3, 0.1, 0.2], OWN);
    const rescaled = rescaleSoftmaxRow([kept[0]! * 0.9, 0, kept[1]! * 0.9, kept[2]! * 0.9, 0], OWN, 100);
    const direct = softmax([0.3, 0.1, 0.2], 100);
    expect(Array.from(rescaled)).toEqual([expect.closeTo(direct[0]!, 12), 0, expect.closeTo(direct[1]!, 12), expect.closeTo(direct[2]!, 12), 0]);
  });

  it('refuses what is no softmax vector or no scale, naming the class', () => {
    expect(() => rescaleSoftmaxRow([0.5, Number.NaN], OWN, 100)).toThrow('class 1 holds NaN, not a probability');
    expect(() => rescaleSoftmaxRow([-0.1, 0.5], OWN, 100)).toThrow('class 0 holds -0.1');
    expect(() => rescaleSoftmaxRow([0, 0], OWN, 100)).toThrow('every score is 0');
    expect(() => rescaleSoftmaxRow([0.5, 0.5], 0, 100)).toThrow('fromScale must be a positive number, got 0');
    expect(() => rescaleSoftmaxRow([0.5, 0.5], OWN, Number.NaN)).toThrow('toScale must be a positive number');
  });
});

describe('rescaleSoftmaxRows', () => {
  it('is the row function rounded to float32, and names a bad row', () => {
    const rows = [softmax([0.2, 0.25, 0.1], OWN), softmax([-0.1, 0.3, 0.05], OWN)];
    const matrix = createMatrix(2, 3, Float32Array.from(rows.flat()));
    const rescaled = rescaleSoftmaxRows(matrix, OWN, 100);
    const expected = [0, 1].flatMap((r) => Array.from(rescaleSoftmaxRow(matrix.data.subarray(r * 3, r * 3 + 3), OWN, 100), Math.fround));
    expect(Array.from(rescaled.data)).toEqual(expected);
    matrix.data[4] = Number.NaN;
    expect(() => rescaleSoftmaxRows(matrix, OWN, 100, (row) => `image ${['a', 'b'][row]}`)).toThrow('image b: class 1 holds NaN');
  });
});

describe('on the seed-cache sample (the reference reproduction’s RN50x64 caches of 60 VOC images)', () => {
  const SEED = 'e2e/fixtures/seed-cache-sample';
  const expected = JSON.parse(readFileSync(`${SEED}/expected-map.json`, 'utf8')) as Record<string, number>;
  const opened = (async () => {
    const source = createNodeFileSource(SEED);
    const dataset = await loadVocDataset(source, { split: 'train' });
    const cache = await loadReferenceCache(source, 'clip_cache/model_RN50x64', dataset.ids, { grid: 3, classCount: 20 });
    return { dataset, cache };
  })();
  const metric = { lambda: 0, convention: 'step', difficult: 'positive' } as const;

  it('at the cache’s own scale gives expected-map.json for every mode', async () => {
    const { dataset, cache } = await opened;
    const inputs = { ...cache.inputs, global: rescaleSoftmaxRows(cache.inputs.global, OWN, OWN) };
    const mAP = (mode: 'global' | 'aggregate' | 'final', zeta: number) => evaluatePseudoLabels(inputs, dataset.labels, dataset.classes, { mode, zeta, ...metric }).mAP;
    expect(mAP('global', 0)).toBeCloseTo(expected['global']!, 6);
    for (const zeta of [0, 0.1]) {
      expect(mAP('aggregate', zeta)).toBeCloseTo(expected[`aggregate@${zeta}`]!, 6);
      expect(mAP('final', zeta)).toBeCloseTo(expected[`final@${zeta}`]!, 6);
    }
  });

  it.each([PAPER_SCALE.scale, 1, 0.05])('at scale %s: global and final mAPs equal a float64 recomputation', async (scale) => {
    const { dataset, cache } = await opened;
    const inputs = { ...cache.inputs, global: rescaleSoftmaxRows(cache.inputs.global, OWN, scale) };
    const reference = float64Maps(cache.inputs, dataset.labels, scale / OWN);
    const lab = (mode: 'global' | 'final') => evaluatePseudoLabels(inputs, dataset.labels, dataset.classes, { mode, zeta: 0.1, ...metric }).mAP;
    expect(lab('global')).toBeCloseTo(reference.global, 9);
    expect(lab('final')).toBeCloseTo(reference.final, 9);
  });
});

type Inputs = { global: { data: Float32Array }; alpha: { data: Float32Array }; beta: { data: Float32Array } };

/**
 * The same numbers another way: g^k / Σ g^k (k = t/s, each g divided by the row's largest first so
 * g^460 does not underflow), the aggregate at ζ 0.1 and the final mean, in float64; step-wise AP as the
 * mean over positives of the precision at that positive's own score (= sklearn's, ties included).
 */
function float64Maps(inputs: Inputs, labels: LabelMatrix, power: number): { global: number; final: number } {
  const { rows, cols } = labels;
  const global = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const row = Array.from(inputs.global.data.subarray(r * cols, (r + 1) * cols));
    const top = Math.max(...row);
    const powered = row.map((g) => (g / top) ** power);
    const sum = powered.reduce((a, b) => a + b, 0);
    powered.forEach((value, c) => (global[r * cols + c] = value / sum));
  }
  const final = global.map((g, i) => {
    const alpha = inputs.alpha.data[i]!;
    return (g + (alpha >= 0.1 ? alpha : inputs.beta.data[i]!)) / 2;
  });
  const meanAp = (scores: Float64Array) => {
    const aps: number[] = [];
    for (let c = 0; c < cols; c++) {
      const column = Array.from({ length: rows }, (_, r) => ({ score: scores[r * cols + c]!, positive: labels.data[r * cols + c] !== -1 }));
      const positives = column.filter((item) => item.positive);
      if (positives.length === 0) continue;
      const precisionAt = (s: number) => column.filter((item) => item.score >= s && item.positive).length / column.filter((item) => item.score >= s).length;
      aps.push(positives.reduce((total, item) => total + precisionAt(item.score), 0) / positives.length);
    }
    return (100 * aps.reduce((a, b) => a + b, 0)) / aps.length;
  };
  return { global: meanAp(global), final: meanAp(final) };
}
