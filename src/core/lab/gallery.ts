import type { PseudoLabelMode } from '../evaluation/pseudo-label-modes';

/**
 * The gallery's data and marks: which labels a tile shows and how they compare with the ground truth.
 * Pure functions over the 'scores' answer (row-major [images × classes]). The order and filters of the
 * grid are in gallery-order.ts, training's changes in label-changes.ts, the grid's keys in grid-navigation.ts.
 *
 * "Predicted" is defined by one number, the label cut: class c is predicted for an image when its
 * pseudo-label score in the chosen mode is ≥ cut. Against the ground truth (1 positive, −1 negative,
 * 0 difficult-only) a label is then a true positive (predicted, positive), a false positive (predicted,
 * negative) or missed (positive, not predicted). Difficult-only labels follow the `difficult` policy:
 * 'positive' counts them as positives (the reproduction), 'ignore' leaves them out (VOC protocol).
 * Without ground truth (a plain folder of photos) there are no marks: a tile shows its predicted labels.
 */
export type LabelMark = 'tp' | 'fp' | 'missed' | 'difficult';

/** The default label cut: a pseudo label of at least ½ — the classifier's own sigmoid decision. */
export const DEFAULT_LABEL_CUT = 0.5;

/**
 * Which labels the gallery marks: one of the initial pseudo-label modes of the run, or — once a classifier
 * head has been trained on the run — 'initial' (Y0, the labels training started from) or 'refined'
 * (y = σ(z) after training, moved by gradient alignment).
 */
export type GalleryMode = PseudoLabelMode | 'initial' | 'refined';

/**
 * The gallery's orders: `dataset` (split order), `score` (confidence: the best score first), `label-count`
 * (most labels at the cut first), `margin` (least certain first: scores closest to the cut), and those that
 * need ground truth (`missed-first`) or training's labels (`refinement`); see gallery-order.ts.
 */
export type GallerySort = 'dataset' | 'score' | 'label-count' | 'margin' | 'missed-first' | 'disagreement' | 'refinement';
export type GalleryFilter = 'all' | 'disagrees' | 'has-missed' | 'has-fp' | 'refined-changed';

/** Training's labels of the run's images, [images × classes] row-major in the run's image order. */
export interface RefinedScores {
  readonly initial: Float32Array;
  readonly refined: Float32Array;
}

export interface GalleryScores {
  readonly classes: readonly string[];
  /** Per mode, [images × classes] row-major; `initial`/`refined` only when a training run's labels are attached. */
  readonly scores: Readonly<Record<PseudoLabelMode, Float32Array>> & { readonly initial?: Float32Array; readonly refined?: Float32Array };
  /** [images × classes]: 1 positive, −1 negative, 0 difficult-only; null when the dataset has no ground truth. */
  readonly truth: Int8Array | null;
}

export interface GalleryMarking {
  readonly mode: GalleryMode;
  readonly cut: number;
  readonly difficult: 'positive' | 'ignore';
}

export interface TileLabel {
  readonly classIndex: number;
  readonly score: number;
  /** null: a predicted label without ground truth to mark it against, or a correct rejection. */
  readonly mark: LabelMark | null;
}

/** The number of images of `data` (its final scores hold images × classes values). */
export function imageCount(data: GalleryScores): number {
  const classes = data.classes.length;
  return classes === 0 ? 0 : data.scores.final.length / classes;
}

/** The scores of a mode; a clear error when the mode's labels are not attached or have the wrong shape. */
export function scoresOf(data: GalleryScores, mode: GalleryMode): Float32Array {
  const scores = data.scores[mode];
  if (!scores) {
    throw new Error(`the gallery has no ${mode} labels${mode === 'initial' || mode === 'refined' ? ': no training run’s refined labels are attached to this run' : ''}`);
  }
  const expected = data.scores.final.length;
  if (scores.length !== expected || (data.truth && data.truth.length !== expected)) {
    const got = scores.length !== expected ? `the ${mode} labels hold ${scores.length}` : `the ground truth holds ${data.truth!.length}`;
    throw new RangeError(`${got} values, expected ${expected} (images × classes)`);
  }
  return scores;
}

/** The ground truth of `data`, or a clear error naming what needed it. */
export function truthOf(data: GalleryScores, what: string): Int8Array {
  if (!data.truth) throw new Error(`${what} needs ground truth, and this dataset has none`);
  return data.truth;
}

/** Whether training's labels fit `images` × `classes` (both arrays, that exact length). */
export function refinedScoresFit(labels: RefinedScores, images: number, classes: number): boolean {
  const size = images * classes;
  return classes > 0 && labels.initial.length === size && labels.refined.length === size;
}

/** Whether `data` carries training's labels (so the modes 'initial'/'refined' and their filter and sort apply). */
export function hasRefinedScores(data: GalleryScores): boolean {
  return data.scores.initial !== undefined && data.scores.refined !== undefined;
}

/**
 * `data` with training's labels attached as the modes 'initial' and 'refined' — or `data` itself when
 * there are none or they do not fit its images × classes (labels of another run are never shown).
 */
export function withRefinedScores<T extends GalleryScores>(data: T, labels: RefinedScores | null): T {
  const classes = data.classes.length;
  if (!labels || classes === 0 || !refinedScoresFit(labels, imageCount(data), classes)) return data;
  return { ...data, scores: { ...data.scores, initial: labels.initial, refined: labels.refined } };
}

/** Whether a truth value counts as positive under the difficult policy. */
export const isPositive = (truth: number, difficult: 'positive' | 'ignore'): boolean => truth === 1 || (truth === 0 && difficult === 'positive');

/** The mark of one (image, class) pair, or null for a correct rejection (negative, not predicted). */
export function markOf(score: number, truth: number, cut: number, difficult: 'positive' | 'ignore'): LabelMark | null {
  const predicted = score >= cut;
  if (truth === 0 && difficult === 'ignore') return predicted ? 'difficult' : null;
  const positive = isPositive(truth, difficult);
  if (predicted) return positive ? 'tp' : 'fp';
  return positive ? 'missed' : null;
}

/**
 * What a tile shows: every predicted label (score ≥ cut, best first) and every missed one (best first,
 * after the predicted ones). `maxPredicted` caps the predicted ones shown (the rest are counted in
 * `hiddenPredicted`); missed labels are never hidden, they are what the tile is for. Without ground
 * truth the predicted labels are shown unmarked (mark null) and nothing is missed.
 */
export function tileLabels(
  data: GalleryScores,
  image: number,
  marking: GalleryMarking,
  maxPredicted = 3,
): { readonly shown: TileLabel[]; readonly hiddenPredicted: number } {
  const classes = data.classes.length;
  const scores = scoresOf(data, marking.mode);
  const predicted: TileLabel[] = [];
  const missed: TileLabel[] = [];
  for (let c = 0; c < classes; c++) {
    const score = scores[image * classes + c]!;
    const mark = data.truth ? markOf(score, data.truth[image * classes + c]!, marking.cut, marking.difficult) : null;
    if (score >= marking.cut) predicted.push({ classIndex: c, score, mark });
    else if (mark === 'missed') missed.push({ classIndex: c, score, mark });
  }
  const byScore = (a: TileLabel, b: TileLabel) => b.score - a.score || a.classIndex - b.classIndex;
  predicted.sort(byScore);
  missed.sort(byScore);
  return { shown: [...predicted.slice(0, maxPredicted), ...missed], hiddenPredicted: Math.max(0, predicted.length - maxPredicted) };
}

export interface MarkCounts {
  readonly tp: number;
  readonly fp: number;
  readonly missed: number;
}

/** An image's true positives, false positives and missed labels at the cut; null without ground truth. */
export function markCounts(data: GalleryScores, image: number, marking: GalleryMarking): MarkCounts | null {
  if (!data.truth) return null;
  const classes = data.classes.length;
  const scores = scoresOf(data, marking.mode);
  let tp = 0;
  let fp = 0;
  let missed = 0;
  for (let c = 0; c < classes; c++) {
    const mark = markOf(scores[image * classes + c]!, data.truth[image * classes + c]!, marking.cut, marking.difficult);
    if (mark === 'tp') tp++;
    else if (mark === 'fp') fp++;
    else if (mark === 'missed') missed++;
  }
  return { tp, fp, missed };
}
