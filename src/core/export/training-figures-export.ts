import type { EpochFigures } from '../training/trainer';
import type { TrainingSettings } from '../training/training-settings';
import { exportFileStem, trainingRunPart, type ExportedRun } from './export-file-name';

/**
 * A training run's figures per epoch as CSV (one row per epoch, epoch 0 = Y0) and as JSON with its
 * settings: what the charts draw, for a notebook or a paper's table.
 */
export interface TrainingFiguresInput {
  readonly name: string;
  readonly settings: TrainingSettings;
  readonly initialPseudoLabelMap: number | null;
  readonly figures: readonly EpochFigures[];
  /** Wall time per epoch, ms (same length as figures, or shorter). */
  readonly epochMs: readonly number[];
  /** The epoch the run keeps (best held-out score, else the last); null before epoch 1. */
  readonly keptEpoch: number | null;
  readonly backend: string;
}

const CSV_HEADER = 'epoch,loss,label_update,mean_label_change,pseudo_label_map,val_map,held_out_loss,held_out_map,kept,ms';

const cell = (value: number | null | undefined, digits: number) => (value === null || value === undefined || Number.isNaN(value) ? '' : value.toFixed(digits));

export function trainingFiguresCsv(run: TrainingFiguresInput): string {
  const rows = [CSV_HEADER, `0,,,,${cell(run.initialPseudoLabelMap, 4)},,,,,`];
  run.figures.forEach((f, i) => {
    const kept = f.epoch === run.keptEpoch ? 1 : 0;
    const held = [cell(f.heldOutLoss, 8), cell(f.heldOutMap, 4)];
    rows.push([f.epoch, cell(f.loss, 8), f.labelUpdate ? 1 : 0, cell(f.labelChange, 8), cell(f.pseudoLabelMap, 4), cell(f.valMap, 4), ...held, kept, cell(run.epochMs[i], 1)].join(','));
  });
  return `${rows.join('\n')}\n`;
}

export function trainingFiguresJson(run: TrainingFiguresInput): string {
  return `${JSON.stringify(
    {
      format: 'cdul-training-figures',
      version: 1,
      run: run.name,
      backend: run.backend,
      settings: run.settings,
      metric: 'mAP % (step AP, difficult counted positive); loss = mean binary KL of the epoch’s θ-steps',
      initialPseudoLabelMap: run.initialPseudoLabelMap,
      keptEpoch: run.keptEpoch,
      epochs: run.figures.map((f, i) => ({ ...f, ms: run.epochMs[i] ?? null })),
    },
    null,
    2,
  )}\n`;
}

/** The run of images, then the training run and its head, e.g. `cdul-voc-demo-val-demo-clip-grid3-training-run3-linear` for run "#3". */
export function trainingFileStem(images: ExportedRun, name: string, head: string): string {
  return exportFileStem(images, 'training', trainingRunPart(name), head);
}
