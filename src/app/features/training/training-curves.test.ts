import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_SETTINGS } from '../../../core/training/training-settings';
import type { EpochFigures } from '../../../core/training/trainer';
import type { TrainingRunRecord } from '../../../worker/protocol/training-protocol';
import { curveRows, hasCurve, trainedWithoutTruth, truthOfRuns } from './training-curves';

function run(id: string, initialPseudoLabelMap: number | null, figures: Partial<EpochFigures>[]): TrainingRunRecord {
  return {
    meta: {
      id,
      name: `#${id}`,
      createdAt: 0,
      embeddingRunKey: 'k',
      labelSettings: { zeta: 0.5, lambda: 0, scale: null },
      settings: DEFAULT_TRAINING_SETTINGS,
      valSplit: null,
      sweepId: null,
      images: 4,
      classes: ['cat'],
      dim: 2,
    },
    status: 'finished',
    figures: figures.map((figure, i) => ({ epoch: i + 1, loss: 1, labelUpdate: false, labelChange: 0, pseudoLabelMap: null, valMap: null, heldOutLoss: null, heldOutMap: null, ...figure })),
    epochMs: [],
    initialPseudoLabelMap,
    backend: { used: 'cpu', adapter: null, note: null },
    error: null,
  };
}

describe('curves of runs without ground truth', () => {
  const unlabelled = run('1', null, [{ labelChange: 0 }, { labelUpdate: true, labelChange: 0.25 }]);
  const labelled = run('2', 60, [{ pseudoLabelMap: 61 }, { pseudoLabelMap: 62 }]);
  it('has no mAP curve to draw, but the labels’ movement per epoch', () => {
    expect(trainedWithoutTruth(unlabelled)).toBe(true);
    expect(hasCurve([unlabelled], 'pseudoLabelMap')).toBe(false);
    expect(hasCurve([unlabelled], 'valMap')).toBe(false);
    expect(hasCurve([unlabelled], 'labelChange')).toBe(true);
    expect(curveRows([unlabelled], 'labelChange')).toEqual([
      { epoch: 1, '1': 0 },
      { epoch: 2, '1': 0.25 },
    ]);
  });
  it('draws the pseudo-label mAP as soon as one shown run has it (Y0 at epoch 0)', () => {
    expect(trainedWithoutTruth(labelled)).toBe(false);
    expect(hasCurve([unlabelled, labelled], 'pseudoLabelMap')).toBe(true);
    expect(curveRows([labelled], 'pseudoLabelMap').map((row) => row['2'])).toEqual([60, 61, 62]);
  });
});

describe('truthOfRuns', () => {
  const on = (id: string, key: string): TrainingRunRecord => ({ ...run(id, 50, []), meta: { ...run(id, 50, []).meta, embeddingRunKey: key } });
  it('names the split the runs trained on, or says each has its own', () => {
    const val = on('1', 'voc:0123456789ab/split:val/model:demo-clip/pre:00000000/grid:3');
    const train = on('2', 'voc:0123456789ab/split:train/model:demo-clip/pre:00000000/grid:3');
    expect(truthOfRuns([val])).toBe('the val split’s');
    expect(truthOfRuns([val, { ...val, meta: { ...val.meta, id: '3' } }])).toBe('the val split’s');
    expect(truthOfRuns([val, train])).toBe('each run’s own split’s');
    expect(truthOfRuns([on('4', 'synthetic:x')])).toBe('the images’');
  });
});
