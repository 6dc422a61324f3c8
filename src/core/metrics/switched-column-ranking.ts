import type { DifficultPolicy, LabelMatrix, Matrix } from '../types';
import { descendingScoreKey, type RankedColumn, type RankingWorkspace } from './ranked-labels';
import { createRadixBuffers, radixSortByKey } from './stable-radix-sort';

/**
 * A class column whose every score is one of two candidates, chosen per image by a gate: `above` where
 * gate ≥ threshold, else `below` — the aggregator (α if α ≥ ζ, else β) and the final label built on it.
 * A ζ sweep ranks the same column at dozens of thresholds. Here both candidates of every image are
 * sorted once, together, and each threshold's ranking is one pass over that list keeping, per image,
 * the candidate its gate chooses — no sort and no merge per threshold. The result is exactly
 * rankClassColumn's on the matrix of chosen scores: ordered by the same descending score key, equal
 * keys in row order (the candidates enter the stable sort in row order).
 */
export interface SwitchedColumnRanking {
  readonly classIndex: number;
  /** The column ranked at `threshold` (compared as given: pass Math.fround(ζ) for a float32 ζ). */
  rankAt(threshold: number): RankedColumn;
}

/** Both candidates of every image, sorted by descending score, with what a pass reads, in that order. */
interface CandidateList {
  readonly rows: Uint32Array;
  readonly scores: Float32Array;
  readonly gates: Float32Array;
  /** 1: the `above` candidate (kept where gate ≥ threshold), 0: the `below` one (kept elsewhere). */
  readonly above: Uint8Array;
  readonly positive: Uint8Array;
}

export interface SwitchedColumns {
  readonly above: Matrix;
  readonly below: Matrix;
  readonly gate: Matrix;
  readonly labels: LabelMatrix;
}

/**
 * True when the plain path would rank every column without error: same shapes, no NaN score or gate,
 * labels 1 / −1 / 0. Otherwise the caller takes the plain path, which reports the problem.
 */
export function canSwitchColumns({ above, below, gate, labels }: SwitchedColumns): boolean {
  const size = labels.rows * labels.cols;
  const shaped = (m: Matrix) => m.rows === labels.rows && m.cols === labels.cols && m.data.length === size;
  if (!shaped(above) || !shaped(below) || !shaped(gate) || labels.data.length !== size) return false;
  for (let k = 0; k < size; k++) {
    const label = labels.data[k]!;
    if (Number.isNaN(above.data[k]!) || Number.isNaN(below.data[k]!) || Number.isNaN(gate.data[k]!)) return false;
    if (label !== 1 && label !== -1 && label !== 0) return false;
  }
  return true;
}

/** Sorts the two candidates of every image of class `classIndex` (inputs as checked by canSwitchColumns). */
export function rankSwitchedColumn(
  columns: SwitchedColumns,
  classIndex: number,
  difficult: DifficultPolicy,
  workspace: RankingWorkspace,
): SwitchedColumnRanking {
  const { labels } = columns;
  const included: number[] = [];
  let ignored = 0;
  let positives = 0;
  for (let row = 0, at = classIndex; row < labels.rows; row++, at += labels.cols) {
    const label = labels.data[at]!;
    if (label === 0 && difficult === 'ignore') ignored++;
    else {
      included.push(row);
      if (label !== -1) positives++;
    }
  }
  const list = sortedCandidates(columns, classIndex, included);
  return {
    classIndex,
    rankAt: (threshold) => ({
      classIndex,
      length: chooseAt(list, threshold, workspace),
      positives,
      ignored,
      rows: workspace.radix.values.subarray(0, included.length),
      scores: workspace.scores.subarray(0, included.length),
      positive: workspace.positive.subarray(0, included.length),
      scratch: workspace.scratch,
    }),
  };
}

function sortedCandidates(columns: SwitchedColumns, classIndex: number, included: readonly number[]): CandidateList {
  const { above, below, gate, labels } = columns;
  const { cols } = labels;
  const aboveBits = new Uint32Array(above.data.buffer, above.data.byteOffset, above.data.length);
  const belowBits = new Uint32Array(below.data.buffer, below.data.byteOffset, below.data.length);
  const n = 2 * included.length;
  // Entry 2i is image i's `above` candidate, 2i + 1 its `below` one: row order into a stable sort.
  const radix = createRadixBuffers(n);
  included.forEach((row, i) => {
    const at = row * cols + classIndex;
    radix.keys[2 * i] = descendingScoreKey(aboveBits[at]!);
    radix.keys[2 * i + 1] = descendingScoreKey(belowBits[at]!);
    radix.values[2 * i] = 2 * row;
    radix.values[2 * i + 1] = 2 * row + 1;
  });
  radixSortByKey(radix, n);
  const list: CandidateList = { rows: new Uint32Array(n), scores: new Float32Array(n), gates: new Float32Array(n), above: new Uint8Array(n), positive: new Uint8Array(n) };
  for (let e = 0; e < n; e++) {
    const entry = radix.values[e]!;
    const row = entry >>> 1;
    const at = row * cols + classIndex;
    const isAbove = (entry & 1) === 0;
    list.rows[e] = row;
    list.scores[e] = isAbove ? above.data[at]! : below.data[at]!;
    list.gates[e] = gate.data[at]!;
    list.above[e] = isAbove ? 1 : 0;
    list.positive[e] = labels.data[at] === -1 ? 0 : 1;
  }
  return list;
}

/**
 * Writes the ranking at `threshold` into the workspace (rows, scores, positive): every entry whose
 * gate chooses it, in list order. Returns its length. Local arrays, no helper calls: this loop is the
 * sweep's whole cost (a branch-free form that wrote every entry measured 3× slower in V8).
 */
function chooseAt(list: CandidateList, threshold: number, workspace: RankingWorkspace): number {
  const { rows, scores, gates, above, positive } = list;
  const outRows = workspace.radix.values;
  const outScores = workspace.scores;
  const outPositive = workspace.positive;
  const n = rows.length;
  let k = 0;
  for (let e = 0; e < n; e++) {
    if (gates[e]! >= threshold === (above[e] === 1)) {
      outRows[k] = rows[e]!;
      outScores[k] = scores[e]!;
      outPositive[k++] = positive[e]!;
    }
  }
  return k;
}
