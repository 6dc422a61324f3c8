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
  /**
   * The epoch the run keeps (--onnx writes its head): the lowest held-out KL against Y0 ('held-out'),
   * or the last epoch without a held-out share ('last'); its figures.
   */
  readonly kept: {
    readonly epoch: number;
    readonly by: 'held-out' | 'last';
    readonly heldOutImages: number;
    readonly heldOutLoss: number | null;
    readonly pseudoLabelMap: number | null;
    readonly valMap: number | null;
  } | null;
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
    figure.heldOutLoss === null ? '—' : figure.heldOutLoss.toFixed(6),
    percent(figure.heldOutMap),
    figure.epoch === report.kept?.epoch ? 'kept' : '',
  ]);
  const table = formatTable(['epoch', 'loss', 'label update', 'pseudo-label mAP', 'val mAP', 'held-out KL', 'held-out mAP', ''], rows);
  const kept = report.kept;
  return [
    ...header,
    '',
    table,
    ...(report.stoppedEarly ? [`stopped early: ${report.stoppedEarly}`] : []),
    ...(kept
      ? [
          kept.by === 'held-out'
            ? `kept epoch ${kept.epoch}: the lowest KL against Y0 on the ${kept.heldOutImages} held-out train images (no ground truth used to choose)`
            : `kept epoch ${kept.epoch}, the last (no held-out share: --held-out 0)`,
        ]
      : []),
    ...(report.onnx ? [`head written as ONNX to ${report.onnx} (input image_embeds; outputs logits, probabilities)`] : []),
  ].join('\n');
}
