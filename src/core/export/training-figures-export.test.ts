import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_SETTINGS } from '../training/training-settings';
import { trainingFiguresCsv, trainingFiguresJson, trainingFileStem } from './training-figures-export';

const run = {
  name: '#3',
  settings: DEFAULT_TRAINING_SETTINGS,
  initialPseudoLabelMap: 84.84,
  figures: [
    { epoch: 1, loss: 0.627671, labelUpdate: false, labelChange: 0, pseudoLabelMap: 84.84, valMap: 24.89, heldOutLoss: 0.25, heldOutMap: 71.5 },
    { epoch: 2, loss: 0.5, labelUpdate: true, labelChange: 0.0067, pseudoLabelMap: 88.05, valMap: null, heldOutLoss: 0.3, heldOutMap: null },
  ],
  epochMs: [103.26],
  keptEpoch: 1,
  backend: 'WebGPU (google · swiftshader)',
};

describe('training figures export', () => {
  it('CSV: a header, Y0 as epoch 0, one row per epoch, empty cells for what does not exist', () => {
    expect(trainingFiguresCsv(run).split('\n')).toEqual([
      'epoch,loss,label_update,mean_label_change,pseudo_label_map,val_map,held_out_loss,held_out_map,kept,ms',
      '0,,,,84.8400,,,,,',
      '1,0.62767100,0,0.00000000,84.8400,24.8900,0.25000000,71.5000,1,103.3',
      '2,0.50000000,1,0.00670000,88.0500,,0.30000000,,0,',
      '',
    ]);
  });

  it('JSON carries the settings and every epoch with its time', () => {
    const parsed = JSON.parse(trainingFiguresJson(run));
    expect(parsed.format).toBe('cdul-training-figures');
    expect(parsed.settings.learningRate).toBe(DEFAULT_TRAINING_SETTINGS.learningRate);
    expect(parsed.epochs[0].ms).toBe(103.26);
    expect(parsed.epochs[1].ms).toBeNull();
    expect(parsed.epochs[1].labelChange).toBe(0.0067);
  });

  it('file stems name the run of images, then the training run and head', () => {
    const images = { dataset: 'VOC2007', split: 'trainval', model: 'Xenova/clip-vit-base-patch32', grid: 2 };
    expect(trainingFileStem(images, '#3', 'mlp')).toBe('cdul-VOC2007-trainval-Xenova-clip-vit-base-patch32-grid2-training-run3-mlp');
    expect(trainingFileStem(images, 'sweep 1 · 2/4', 'linear')).toBe('cdul-VOC2007-trainval-Xenova-clip-vit-base-patch32-grid2-training-run-sweep-1-2-4-linear');
  });
});
