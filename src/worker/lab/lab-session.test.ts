import { describe, expect, it } from 'vitest';
import type { FileSource } from '../../core/dataset-source';
import { createMatrix, type LabelMatrix } from '../../core/types';
import { createSimilarityState, evaluateState } from '../pipeline/similarity-state';
import type { LabSettings } from '../../core/evaluation/lab-settings';
import { PSEUDO_LABEL_MODES } from '../../core/evaluation/pseudo-label-modes';
import type { LabRun } from './lab-run';
import { answerLabQuery } from './lab-session';

// 3 images, 2×2 grid, 2 classes, 2-d embeddings; texts on the axes so cosines are easy to read.
const global = createMatrix(3, 2, new Float32Array([1, 0, 0, 1, 1, 1]));
const local = createMatrix(12, 2, new Float32Array([1, 0, 1, 0.2, 0.5, 1, 1, 0, 0, 1, 0.1, 1, 0, 1, 0.3, 1, 1, 1, 1, 0.1, 0.9, 1, 0, 1]));
const text = createMatrix(2, 2, new Float32Array([1, 0, 0, 1]));
const labels: LabelMatrix = { rows: 3, cols: 2, data: new Int8Array([1, -1, -1, 1, 1, 0]) };
const state = createSimilarityState({ global, local, text }, ['a', 'b', 'c'], labels, ['cat', 'dog'], 4, 10);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const source = { label: 'voc', readBytes: async (path: string) => (path === 'JPEGImages/b.jpg' ? png : new Uint8Array(0)) } as unknown as FileSource;
const run: LabRun = { state, source, imageFiles: new Map([['b', 'JPEGImages/b.jpg']]) };
const settings: LabSettings = { zeta: 0.3, lambda: 0.5, scale: null, convention: 'step', difficult: 'ignore' };

describe('the lab queries of a finished run', () => {
  it('evaluation gives the mAPs the run panel shows', async () => {
    const { result } = await answerLabQuery(run, { kind: 'evaluation', settings });
    if (result.kind !== 'evaluation') throw new Error(result.kind);
    const panel = evaluateState(state, settings).mAP!;
    expect([result.results.global.mAP, result.results.aggregate.mAP, result.results.final.mAP]).toEqual([panel.global, panel.aggregate, panel.final]);
    expect(result.results.final.perClass.map((entry) => entry.className)).toEqual(['cat', 'dog']);
  });

  it('a ζ sweep point equals an evaluation at that ζ', async () => {
    const { result } = await answerLabQuery(run, { kind: 'zeta-sweep', zetas: [0, 0.3, 0.9], settings });
    if (result.kind !== 'zeta-sweep') throw new Error(result.kind);
    for (const [k, zeta] of [0, 0.3, 0.9].entries()) {
      expect(result.mAP.aggregate[k]).toBe(evaluateState(state, { ...settings, zeta }).mAP!.aggregate);
    }
  });

  it('scores: final = ½(global + aggregate + λ|global − aggregate|) (spec §1), and the ground truth as given', async () => {
    const { result } = await answerLabQuery(run, { kind: 'scores', settings });
    if (result.kind !== 'scores') throw new Error(result.kind);
    expect(result.ids).toEqual(['a', 'b', 'c']);
    expect(Array.from(result.truth!)).toEqual([1, -1, -1, 1, 1, 0]);
    result.scores.final.forEach((value, k) => {
      const [g, a] = [result.scores.global[k]!, result.scores.aggregate[k]!];
      expect(value).toBeCloseTo(0.5 * (g + a + 0.5 * Math.abs(g - a)), 6);
    });
  });

  it('image: the snippet marked for α holds α, and the aggregate is α when α ≥ ζ, else β', async () => {
    const { result } = await answerLabQuery(run, { kind: 'image', index: 1, settings });
    if (result.kind !== 'image') throw new Error(result.kind);
    expect(result.grid).toBe(2);
    for (let c = 0; c < 2; c++) {
      expect(result.snippetScores[result.alphaSnippet[c]! * 2 + c]).toBe(result.alpha[c]);
      expect(result.scores.aggregate[c]).toBe(result.alpha[c]! >= Math.fround(0.3) ? result.alpha[c] : result.beta[c]);
    }
    await expect(answerLabQuery(run, { kind: 'image', index: 3, settings })).rejects.toThrow('no image 3 in a run of 3');
  });

  it('image-file: the bytes of the image, typed by content (a PNG named .jpg is a PNG)', async () => {
    const { result, transfer } = await answerLabQuery(run, { kind: 'image-file', index: 1 });
    if (result.kind !== 'image-file') throw new Error(result.kind);
    expect([result.id, result.path, result.mimeType]).toEqual(['b', 'JPEGImages/b.jpg', 'image/png']);
    expect(Array.from(new Uint8Array(result.bytes))).toEqual(Array.from(png));
    expect(transfer).toEqual([result.bytes]);
    await expect(answerLabQuery(run, { kind: 'image-file', index: 0 })).rejects.toThrow('no image file for image 0');
  });

  it('pr-curves for the three modes of one class: every distinct threshold, its recall and precision (by brute force)', async () => {
    const { result } = await answerLabQuery(run, { kind: 'pr-curves', classIndex: 1, settings });
    if (result.kind !== 'pr-curves') throw new Error(result.kind);
    const { result: scores } = await answerLabQuery(run, { kind: 'scores', settings });
    if (scores.kind !== 'scores') throw new Error(scores.kind);
    for (const mode of PSEUDO_LABEL_MODES) {
      // Class 1 ('dog'): image a negative, b positive, c difficult-only — left out under 'ignore'.
      const kept = [0, 1, 2].filter((image) => scores.truth![image * 2 + 1] !== 0);
      const scoreOf = (image: number) => scores.scores[mode][image * 2 + 1]!;
      const positives = kept.filter((image) => scores.truth![image * 2 + 1] === 1).length;
      const thresholds = [...new Set(kept.map(scoreOf))].sort((x, y) => y - x);
      const expected = thresholds.map((t) => {
        const above = kept.filter((image) => scoreOf(image) >= t);
        const tp = above.filter((image) => scores.truth![image * 2 + 1] === 1).length;
        return { threshold: t, recall: tp / positives, precision: tp / above.length };
      });
      const curve = result.curves[mode];
      const got = Array.from({ length: curve.length }, (_, k) => ({ threshold: curve.threshold[k]!, recall: curve.recall[k]!, precision: curve.precision[k]! }));
      expect(got, mode).toEqual(expected);
    }
    await expect(answerLabQuery(run, { kind: 'pr-curves', classIndex: 2, settings })).rejects.toThrow('no class 2');
  });
});

describe('a run without ground truth (a plain folder of photos)', () => {
  const unlabelled = createSimilarityState({ global, local, text }, ['a', 'b', 'c'], null, ['cat', 'dog'], 4, 10);
  const folderRun: LabRun = { state: unlabelled, source, imageFiles: new Map() };

  it('the summary has no mAP but counts the images', async () => {
    const { result } = await answerLabQuery(folderRun, { kind: 'summary', settings });
    if (result.kind !== 'summary') throw new Error(result.kind);
    expect(result.mAP).toBeNull();
    expect(result.images).toBe(3);
  });

  it('scores and an image come without truth, with the same scores as the labelled run', async () => {
    const [{ result: scores }, { result: labelled }] = await Promise.all([answerLabQuery(folderRun, { kind: 'scores', settings }), answerLabQuery(run, { kind: 'scores', settings })]);
    if (scores.kind !== 'scores' || labelled.kind !== 'scores') throw new Error('not scores');
    expect(scores.truth).toBeNull();
    expect(Array.from(scores.scores.final)).toEqual(Array.from(labelled.scores.final));
    const { result: image } = await answerLabQuery(folderRun, { kind: 'image', index: 1, settings });
    if (image.kind !== 'image') throw new Error(image.kind);
    expect(image.truth).toBeNull();
  });

  it.each(['evaluation', 'zeta-sweep', 'pr-curves'] as const)('%s says there is no ground truth', async (kind) => {
    const query = kind === 'zeta-sweep' ? { kind, zetas: [0.1], settings } : kind === 'pr-curves' ? { kind, classIndex: 0, settings } : { kind, settings };
    await expect(answerLabQuery(folderRun, query)).rejects.toThrow(/no ground truth/);
  });
});
