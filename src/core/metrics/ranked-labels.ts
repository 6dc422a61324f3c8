import type { DifficultPolicy, LabelMatrix, Matrix } from '../types';
import { assertClassIndex, assertSameShape } from './metric-input';
import { createRadixBuffers, radixSortByKey } from './stable-radix-sort';
import type { RadixBuffers } from './stable-radix-sort';

/**
 * One class column prepared for the AP conventions: the images that take part, ranked by
 * descending score with ties kept in split (row) order — what MATLAB's stable `sort(-confidence)`
 * in the VOC devkit does. Every array is a view of length `length` into a `RankingWorkspace`, so a
 * RankedColumn is valid only until that workspace ranks another column.
 */
export interface RankedColumn {
  readonly classIndex: number;
  /** Images taking part (all rows, minus difficult-only ones under the 'ignore' policy). */
  readonly length: number;
  readonly positives: number;
  /** Difficult-only images left out for this class ('ignore' policy; always 0 under 'positive'). */
  readonly ignored: number;
  /** `rows[i]`: split row of the image at rank i. */
  readonly rows: Uint32Array;
  /** `scores[i]`: its score (non-increasing in i). */
  readonly scores: Float32Array;
  /** `positive[i]`: 1 if it is a positive for this class, 0 if a negative. */
  readonly positive: Uint8Array;
  /** Float64 scratch of at least `length` values for the metric passes (precision envelope). */
  readonly scratch: Float64Array;
}

/**
 * Buffers reused across classes and across calls (a ζ sweep ranks 41 × 20 columns), so ranking
 * allocates nothing per image.
 */
export interface RankingWorkspace {
  /** Largest number of images (matrix rows) this workspace can rank. */
  readonly capacity: number;
  readonly radix: RadixBuffers;
  readonly scores: Float32Array;
  readonly positive: Uint8Array;
  readonly scratch: Float64Array;
}

export function createRankingWorkspace(capacity: number): RankingWorkspace {
  return {
    capacity,
    radix: createRadixBuffers(capacity),
    scores: new Float32Array(capacity),
    positive: new Uint8Array(capacity),
    scratch: new Float64Array(capacity),
  };
}

export interface RankOptions {
  readonly difficult: DifficultPolicy;
  /** Reused buffers; must hold at least `scores.rows` images. A fresh one is made if absent. */
  readonly workspace?: RankingWorkspace | undefined;
  /** Name for error messages; defaults to "class <index>". */
  readonly className?: string;
}

/**
 * Ranks one class column: applies the difficult policy ('positive': a difficult-only image counts
 * as positive; 'ignore': it takes no part for this class) and sorts by descending score, ties in
 * row order. Throws RangeError on NaN scores and on labels other than 1, −1, 0.
 */
export function rankClassColumn(
  scores: Matrix,
  labels: LabelMatrix,
  classIndex: number,
  options: RankOptions,
): RankedColumn {
  assertSameShape(scores, labels);
  assertClassIndex(classIndex, scores.cols);
  const workspace = options.workspace ?? createRankingWorkspace(scores.rows);
  if (workspace.capacity < scores.rows) {
    throw new RangeError(`workspace holds ${workspace.capacity} images, need ${scores.rows}`);
  }
  const name = options.className ?? `class ${classIndex}`;
  const column = { scores, labels, classIndex, name };
  const { included, ignored } = collectRows(column, options.difficult, workspace.radix);
  radixSortByKey(workspace.radix, included);
  const positives = gatherRanked(workspace, included);
  return {
    classIndex,
    length: included,
    positives,
    ignored,
    rows: workspace.radix.values.subarray(0, included),
    scores: workspace.scores.subarray(0, included),
    positive: workspace.positive.subarray(0, included),
    scratch: workspace.scratch,
  };
}

interface ColumnRef {
  readonly scores: Matrix;
  readonly labels: LabelMatrix;
  readonly classIndex: number;
  readonly name: string;
}

/**
 * Maps a float32 bit pattern to a uint32 that grows as the score falls, so an ascending sort of
 * the keys is a descending sort of the scores. Positive floats order like their bits, negative ones
 * in reverse: positive → 0x7fffffff − bits, negative → bits. −0 is folded onto +0 because they are
 * the same score (one tie), as in sklearn and MATLAB.
 */
export function descendingScoreKey(bits: number): number {
  if (bits === 0x80000000) return 0x7fffffff;
  return bits >= 0x80000000 ? bits : 0x7fffffff - bits;
}

/**
 * The sort's payload: the row and the two facts the ranked arrays need from it — whether the score is
 * −0 (the key folds it onto +0) and whether the image is a positive — so the ranked scores and labels
 * are read back in rank order from the sorted keys and payloads, not by a random access per rank into
 * the [images, classes] matrices (at COCO-train size, 82,783 × 80, those misses were ¾ of a mAP).
 */
const PAYLOAD_ROWS = 2 ** 30;
const payloadOf = (row: number, negativeZero: boolean, positive: boolean) => row * 4 + (negativeZero ? 2 : 0) + (positive ? 1 : 0);

/**
 * Validates the column and writes the images taking part, in row order, as (score key, payload)
 * pairs into the radix buffers.
 */
function collectRows(
  column: ColumnRef,
  difficult: DifficultPolicy,
  radix: RadixBuffers,
): { included: number; ignored: number } {
  const { scores, labels, classIndex, name } = column;
  const { cols, rows } = scores;
  const values = scores.data;
  // The same bytes read as uint32: the IEEE-754 bit pattern the sort key is built from.
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const truth = labels.data;
  if (rows > PAYLOAD_ROWS) throw new RangeError(`${rows} images: at most ${PAYLOAD_ROWS} can be ranked`);
  let included = 0;
  let ignored = 0;
  for (let row = 0, at = classIndex; row < rows; row++, at += cols) {
    const score = values[at]!;
    if (score !== score) throw new RangeError(`score is NaN at image row ${row}, ${name}`);
    const label = truth[at]!;
    if (label !== 1 && label !== -1 && label !== 0) {
      throw new RangeError(`label ${label} at image row ${row}, ${name} is not 1, -1 or 0`);
    }
    if (label === 0 && difficult === 'ignore') {
      ignored++;
      continue;
    }
    radix.keys[included] = descendingScoreKey(bits[at]!);
    // Ignored difficult-only images are not collected, so any remaining 0 counts as positive.
    radix.values[included++] = payloadOf(row, bits[at] === 0x80000000, label !== -1);
  }
  return { included, ignored };
}

/**
 * Fills the ranked `scores` and `positive` arrays from the sorted keys and payloads, and turns the
 * payloads back into rows, in one sequential pass; returns the positives.
 */
function gatherRanked(workspace: RankingWorkspace, count: number): number {
  const { keys, values } = workspace.radix;
  // The ranked scores written as their bits: the inverse of descendingScoreKey, −0 restored.
  const scoreBits = new Uint32Array(workspace.scores.buffer, workspace.scores.byteOffset, count);
  let positives = 0;
  for (let i = 0; i < count; i++) {
    const key = keys[i]!;
    const payload = values[i]!;
    scoreBits[i] = payload & 2 ? 0x80000000 : key >= 0x80000000 ? key : 0x7fffffff - key;
    const isPositive = payload & 1;
    workspace.positive[i] = isPositive;
    positives += isPositive;
    values[i] = payload >>> 2;
  }
  return positives;
}
