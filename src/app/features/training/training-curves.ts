import { runKeyFacts } from '../../../core/init-cache/run-key-parts';
import { keptEpochNumber } from '../../../core/training/epoch-selection';
import type { TrainingRunRecord } from '../../../worker/protocol/training-protocol';

/** Chart rows from run records: one row per epoch, one column per run (its id). */
export type CurveMetric = 'loss' | 'labelChange' | 'pseudoLabelMap' | 'valMap' | 'heldOutLoss';

export function curveRows(runs: readonly TrainingRunRecord[], metric: CurveMetric): Record<string, number | null>[] {
  const last = Math.max(0, ...runs.map((run) => run.figures.length));
  const rows: Record<string, number | null>[] = [];
  // Epoch 0 is Y0 for the pseudo-label curve (nothing trained yet: no loss, no val mAP).
  for (let epoch = metric === 'pseudoLabelMap' ? 0 : 1; epoch <= last; epoch++) {
    const row: Record<string, number | null> = { epoch };
    for (const run of runs) {
      // ?? null: records stored before a figure existed (the held-out loss) lack it.
      row[run.meta.id] = epoch === 0 ? run.initialPseudoLabelMap : (run.figures[epoch - 1]?.[metric] ?? null);
    }
    rows.push(row);
  }
  return rows;
}

/** Whether any of the runs has a value of the metric (a run without ground truth has no pseudo-label mAP, one without a val set no val mAP). */
export function hasCurve(runs: readonly TrainingRunRecord[], metric: CurveMetric): boolean {
  return runs.some((run) => (metric === 'pseudoLabelMap' && run.initialPseudoLabelMap !== null) || run.figures.some((figure) => (figure[metric] ?? null) !== null));
}

/** The epoch a run keeps (lowest held-out KL against Y0, else its last), as the trainer chose it. */
export const keptEpoch = (run: TrainingRunRecord): number | null => keptEpochNumber(run.figures);

/** A run trained without ground truth: its pseudo labels were never scored (Y0's mAP is known before epoch 1 otherwise). */
export const trainedWithoutTruth = (run: TrainingRunRecord): boolean => run.initialPseudoLabelMap === null;

/** The split a run trained on (from its images' store key); null when the key names none. */
export const trainedSplit = (run: TrainingRunRecord): string | null => runKeyFacts(run.meta.embeddingRunKey).split;

/** Whose ground truth a pseudo-label mAP curve is scored against: "the val split's" when the runs share one split, else each run's own. */
export function truthOfRuns(runs: readonly TrainingRunRecord[]): string {
  const splits = new Set(runs.map(trainedSplit));
  const [only] = splits;
  if (splits.size !== 1 || only === undefined) return 'each run’s own split’s';
  return only === null ? 'the images’' : `the ${only} split’s`;
}

const PALETTE = ['#1d4ed8', '#d97706', '#059669', '#be185d', '#7c3aed', '#0891b2', '#b91c1c', '#4d7c0f'];

export function runColor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

/** Mean epoch time and the time left, from the epochs done so far. */
export function trainingEta(run: TrainingRunRecord): { msPerEpoch: number | null; remainingMs: number | null } {
  const times = run.epochMs;
  if (times.length === 0) return { msPerEpoch: null, remainingMs: null };
  // The first epoch compiles the pipelines: leave it out once there are others.
  const steady = times.length > 1 ? times.slice(1) : times;
  const msPerEpoch = steady.reduce((sum, ms) => sum + ms, 0) / steady.length;
  return { msPerEpoch, remainingMs: msPerEpoch * Math.max(0, run.meta.settings.epochs - run.figures.length) };
}
