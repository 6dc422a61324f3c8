import { binaryKlLoss, sigmoid } from '../cdul/alignment-reference';
import { createMatrix, type LabelMatrix, type Matrix } from '../types';
import { DEFAULT_LABEL_CUT } from '../lab/gallery';
import { epochOrder } from './shuffle';
import { trainingMeanAp } from './training-metrics';

/**
 * The held-out share of a run (issue 14): train images the head never steps on and whose labels are
 * never updated, so the head can be scored on them against their Y0 — the only reference an
 * unsupervised user has — to pick the epoch to keep and to stop early without ground truth.
 */
export interface HeldOutSplit {
  /** Rows (ascending) the head trains on and whose pseudo labels are updated. */
  readonly trainRows: Uint32Array;
  /** Rows (ascending) scored after every epoch; empty when the share is 0. */
  readonly heldOutRows: Uint32Array;
}

/**
 * round(share · n) rows drawn by a seeded shuffle (at least one when share > 0, never all of them), so
 * a run, its resume and the other backend hold out the same images.
 */
export function heldOutSplit(rows: number, share: number, seed: number): HeldOutSplit {
  const count = share > 0 && rows > 1 ? Math.min(rows - 1, Math.max(1, Math.round(share * rows))) : 0;
  // Epoch 0 is never trained, so its shuffle is free to draw the held-out rows.
  const drawn = epochOrder(rows, seed, 0).subarray(0, count);
  const held = new Uint8Array(rows);
  drawn.forEach((row) => (held[row] = 1));
  const heldOutRows = Uint32Array.from(drawn).sort();
  const trainRows = Uint32Array.from({ length: rows - count }, () => 0);
  for (let row = 0, k = 0; row < rows; row++) if (!held[row]) trainRows[k++] = row;
  return { trainRows, heldOutRows };
}

/** How the head does on the held-out images, against their Y0. */
export interface HeldOutScore {
  /** Mean binary KL(Y0 ‖ σ(s)) over every held-out label, in float64 (lower is better). */
  readonly loss: number;
  /** mAP (%) of the logits against Y0 ≥ the lab's label cut (0.5); null when no class has a positive. */
  readonly map: number | null;
}

export function scoreHeldOut(logits: Float32Array, initialLabels: Matrix, classes: readonly string[]): HeldOutScore {
  if (logits.length !== initialLabels.data.length) throw new RangeError(`${logits.length} held-out logits for ${initialLabels.data.length} labels`);
  const loss = binaryKlLoss(initialLabels.data, Float64Array.from(logits, (s) => sigmoid(s)));
  const truth = thresholdLabels(initialLabels, HELD_OUT_CUT);
  const hasPositive = truth.data.includes(1);
  return { loss, map: hasPositive ? trainingMeanAp(createMatrix(truth.rows, truth.cols, logits), truth, classes) : null };
}

/** Y0 ≥ this counts as a positive when the held-out mAP is taken: the gallery's default label cut. */
export const HELD_OUT_CUT = DEFAULT_LABEL_CUT;

function thresholdLabels(labels: Matrix, cut: number): LabelMatrix {
  return { rows: labels.rows, cols: labels.cols, data: Int8Array.from(labels.data, (y) => (y >= cut ? 1 : -1)) };
}

/** The rows of a row-major [rows, cols] array at `rows`, packed. */
export function gatherRows(data: Float32Array, cols: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * cols);
  for (let k = 0; k < rows.length; k++) out.set(data.subarray(rows[k]! * cols, (rows[k]! + 1) * cols), k * cols);
  return out;
}

/** Writes packed rows back to their places: the inverse of gatherRows. */
export function scatterRows(packed: Float32Array, cols: number, rows: ArrayLike<number>, into: Float32Array): void {
  for (let k = 0; k < rows.length; k++) into.set(packed.subarray(k * cols, (k + 1) * cols), rows[k]! * cols);
}
