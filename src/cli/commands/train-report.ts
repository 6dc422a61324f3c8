import type { SkippedItem } from '../../core/data-error';
import type { EpochFigures } from '../../core/training/trainer';
import type { TrainingSettings } from '../../core/training/training-settings';
import { formatTable, percent } from '../format-table';

/** What `cdul train` prints: one JSON document with --json, a table otherwise. */
export interface TrainReport {
  readonly cache: string;
  readonly valCache: string | null;
  readonly trainSplit: string | null;
  readonly valSplit: string | null;
  readonly images: { readonly train: number; readonly val: number | null };
  /**
   * mAP of Y0 as computed, and (`clampedMap`, name kept for old readers) of the labels training starts from,
   * σ(z0) with z0 = log Y0 − log1p(−Y0) in float64 (only exact 0 and 1 moved into (0, 1)): equal to `mAP`.
   */
  readonly initialLabels: { readonly mode: 'final'; readonly zeta: number; readonly lambda: number; readonly mAP: number | null; readonly clampedMap: number | null };
  readonly settings: TrainingSettings;
  readonly apConvention: 'step';
  readonly epochs: readonly EpochFigures[];
  /** Why the run ended before --epochs, or null. */
  readonly stoppedEarly: string | null;
  readonly skipped: readonly SkippedItem[];
  readonly warnings: readonly string[];
  /** The file the trained head was written to as ONNX (--onnx), or null. */
  readonly onnx: string | null;
}

export function formatTrainReport(report: TrainReport): string {
  const s = report.settings;
  const header = [
    `train ${report.trainSplit ?? 'all images'} (${report.images.train} images, ${report.cache})` +
      (report.valSplit ? ` · val ${report.valSplit} (${report.images.val} images)` : ''),
    `head ${s.head}${s.head === 'mlp' ? ` (hidden ${s.hidden})` : ''} · lr ${s.learningRate} · batch ${s.batchSize} · seed ${s.seed} · ` +
      `warm-up ${s.warmup} · update every ${s.updateEvery} (${s.schedule} schedule) · σ ${s.sigma} · η ${s.eta}`,
    `initial pseudo labels: final at ζ ${report.initialLabels.zeta}, λ ${report.initialLabels.lambda} · mAP ${percent(report.initialLabels.mAP)}, ${percent(report.initialLabels.clampedMap)} as training starts from them (z0 = logit Y0; AP step-wise)`,
  ];
  const rows = report.epochs.map((figure) => [
    String(figure.epoch),
    figure.loss.toFixed(6),
    figure.labelUpdate ? 'yes' : '',
    percent(figure.pseudoLabelMap),
    percent(figure.valMap),
  ]);
  const table = formatTable(['epoch', 'loss', 'label update', 'pseudo-label mAP', 'val mAP'], rows);
  return [
    ...header,
    '',
    table,
    ...(report.stoppedEarly ? [`stopped early: ${report.stoppedEarly}`] : []),
    ...(report.onnx ? [`head written as ONNX to ${report.onnx} (input image_embeds; outputs logits, probabilities)`] : []),
  ].join('\n');
}
