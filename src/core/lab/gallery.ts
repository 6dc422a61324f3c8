import type { PseudoLabelMode } from '../evaluation/pseudo-label-modes';

/**
 * The gallery's logic: which labels a tile shows, how they compare with the ground truth, and the order
 * and filters of the grid. Pure functions over the 'scores' answer (row-major [images × classes]).
 *
 * "Predicted" is defined by one number, the label cut: class c is predicted for an image when its
 * pseudo-label score in the chosen mode is ≥ cut. Against the ground truth (1 positive, −1 negative,
 * 0 difficult-only) a label is then a true positive (predicted, positive), a false positive (predicted,
 * negative) or missed (positive, not predicted). Difficult-only labels follow the `difficult` policy:
 * 'positive' counts them as positives (the reproduction), 'ignore' leaves them out (VOC protocol).
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

/** Training's labels of the run's images, [images × classes] row-major in the run's image order. */
export interface RefinedScores {
  readonly initial: Float32Array;
  readonly refined: Float32Array;
}

export interface GalleryScores {
  readonly classes: readonly string[];
  /** Per mode, [images × classes] row-major; `initial`/`refined` only when a training run's labels are attached. */
  readonly scores: Readonly<Record<PseudoLabelMode, Float32Array>> & { readonly initial?: Float32Array; readonly refined?: Float32Array };
  readonly truth: Int8Array;
}

export interface GalleryMarking {
  readonly mode: GalleryMode;
  readonly cut: number;
  readonly difficult: 'positive' | 'ignore';
}

export interface TileLabel {
  readonly classIndex: number;
  readonly score: number;
  readonly mark: LabelMark | null;
}

/** The scores of a mode; a clear error when the mode's labels are not attached or have the wrong shape. */
export function scoresOf(data: GalleryScores, mode: GalleryMode): Float32Array {
  const scores = data.scores[mode];
  if (!scores) {
    throw new Error(`the gallery has no ${mode} labels${mode === 'initial' || mode === 'refined' ? ': no training run’s refined labels are attached to this run' : ''}`);
  }
  if (scores.length !== data.truth.length) {
    throw new RangeError(`the ${mode} labels hold ${scores.length} values, expected ${data.truth.length} (images × classes)`);
  }
  return scores;
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
  if (!labels || classes === 0 || !refinedScoresFit(labels, data.truth.length / classes, classes)) return data;
  return { ...data, scores: { ...data.scores, initial: labels.initial, refined: labels.refined } };
}

/** The mark of one (image, class) pair, or null for a correct rejection (negative, not predicted). */
export function markOf(score: number, truth: number, cut: number, difficult: 'positive' | 'ignore'): LabelMark | null {
  const predicted = score >= cut;
  const positive = truth === 1 || (truth === 0 && difficult === 'positive');
  if (truth === 0 && difficult === 'ignore') return predicted ? 'difficult' : null;
  if (predicted) return positive ? 'tp' : 'fp';
  return positive ? 'missed' : null;
}

/**
 * What a tile shows: every predicted label (score ≥ cut, best first) and every missed one (best first,
 * after the predicted ones). `maxPredicted` caps the predicted ones shown (the rest are counted in
 * `hiddenPredicted`); missed labels are never hidden, they are what the tile is for.
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
    const mark = markOf(score, data.truth[image * classes + c]!, marking.cut, marking.difficult);
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

export function markCounts(data: GalleryScores, image: number, marking: GalleryMarking): MarkCounts {
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

/** Classes on which global and aggregate disagree at the cut (one predicts it, the other not). */
export function disagreements(data: GalleryScores, image: number, cut: number): number[] {
  const classes = data.classes.length;
  const out: number[] = [];
  for (let c = 0; c < classes; c++) {
    const i = image * classes + c;
    if (data.scores.global[i]! >= cut !== data.scores.aggregate[i]! >= cut) out.push(c);
  }
  return out;
}

/** The largest |aggregate − global| of an image over classes: how much the snippets changed its labels. */
export function disagreementSize(data: GalleryScores, image: number): number {
  const classes = data.classes.length;
  let max = 0;
  for (let c = 0; c < classes; c++) {
    const i = image * classes + c;
    max = Math.max(max, Math.abs(data.scores.aggregate[i]! - data.scores.global[i]!));
  }
  return max;
}

export interface LabelChanges {
  /** Classes training added: refined ≥ cut, Y0 < cut (ascending class index). */
  readonly gained: number[];
  /** Classes training removed: Y0 ≥ cut, refined < cut (ascending class index). */
  readonly lost: number[];
}

/** What training changed on an image at the label cut: the classes gained and lost (needs 'initial' and 'refined'). */
export function labelChanges(data: GalleryScores, image: number, cut: number): LabelChanges {
  const classes = data.classes.length;
  const initial = scoresOf(data, 'initial');
  const refined = scoresOf(data, 'refined');
  const gained: number[] = [];
  const lost: number[] = [];
  for (let c = 0; c < classes; c++) {
    const i = image * classes + c;
    const before = initial[i]! >= cut;
    const after = refined[i]! >= cut;
    if (after && !before) gained.push(c);
    else if (before && !after) lost.push(c);
  }
  return { gained, lost };
}

export interface ClassRefinement {
  readonly initial: number;
  readonly refined: number;
  /** refined − Y0. */
  readonly delta: number;
}

/** Per class (dataset order): an image's Y0, its refined label and the change Δ = refined − Y0. */
export function refinementOf(data: GalleryScores, image: number): ClassRefinement[] {
  const classes = data.classes.length;
  const initial = scoresOf(data, 'initial');
  const refined = scoresOf(data, 'refined');
  const out: ClassRefinement[] = [];
  for (let c = 0; c < classes; c++) {
    const i = image * classes + c;
    out.push({ initial: initial[i]!, refined: refined[i]!, delta: refined[i]! - initial[i]! });
  }
  return out;
}

/** The largest |refined − Y0| of an image over classes: how far training moved its labels. */
export function refinementSize(data: GalleryScores, image: number): number {
  const classes = data.classes.length;
  const initial = scoresOf(data, 'initial');
  const refined = scoresOf(data, 'refined');
  let max = 0;
  for (let c = 0; c < classes; c++) {
    const i = image * classes + c;
    max = Math.max(max, Math.abs(refined[i]! - initial[i]!));
  }
  return max;
}

export type GallerySort = 'dataset' | 'score' | 'missed-first' | 'disagreement' | 'refinement';
export type GalleryFilter = 'all' | 'disagrees' | 'has-missed' | 'has-fp' | 'refined-changed';

export interface GalleryOrderOptions extends GalleryMarking {
  readonly sort: GallerySort;
  readonly filter: GalleryFilter;
  /** Only images where this class is in the ground truth or predicted; null = every image. */
  readonly classIndex: number | null;
}

/**
 * The images the gallery shows, in order:
 * - filter: `disagrees` keeps images where global and aggregate disagree on some class at the cut;
 *   `has-missed` / `has-fp` keep images with at least one missed label / false positive;
 *   `refined-changed` keeps images where Y0 and the refined labels disagree on some class at the cut;
 *   a class keeps images where that class is a ground-truth positive (as the difficult policy counts
 *   it) or is predicted;
 * - sort: `dataset` keeps the split order; `score` is descending by the class's score (the chosen
 *   class, else the image's best score); `missed-first` is descending by missed labels, then false
 *   positives; `disagreement` is descending by the largest |aggregate − global|; `refinement` is
 *   descending by the largest |refined − Y0|.
 * The mode, the `refined-changed` filter and the `refinement` sort read the arrays they need through
 * `scoresOf`, so asking for training's labels on data without them is an error, not an empty gallery.
 * Ties keep the split order (a stable sort), so the order is reproducible.
 */
export function galleryOrder(data: GalleryScores, options: GalleryOrderOptions): number[] {
  const classes = data.classes.length;
  const images = classes === 0 ? 0 : data.truth.length / classes;
  const scores = scoresOf(data, options.mode);
  if (options.filter === 'refined-changed' || options.sort === 'refinement') {
    scoresOf(data, 'initial');
    scoresOf(data, 'refined');
  }
  const kept: number[] = [];
  for (let image = 0; image < images; image++) {
    if (options.classIndex !== null) {
      const i = image * classes + options.classIndex;
      const truth = data.truth[i]!;
      const positive = truth === 1 || (truth === 0 && options.difficult === 'positive');
      if (!positive && !(scores[i]! >= options.cut)) continue;
    }
    if (options.filter === 'disagrees' && disagreements(data, image, options.cut).length === 0) continue;
    if (options.filter === 'has-missed' && markCounts(data, image, options).missed === 0) continue;
    if (options.filter === 'has-fp' && markCounts(data, image, options).fp === 0) continue;
    if (options.filter === 'refined-changed') {
      const changes = labelChanges(data, image, options.cut);
      if (changes.gained.length === 0 && changes.lost.length === 0) continue;
    }
    kept.push(image);
  }
  if (options.sort === 'dataset') return kept;
  const key = new Float64Array(images);
  const second = new Float64Array(images);
  for (const image of kept) {
    switch (options.sort) {
      case 'score': {
        if (options.classIndex !== null) key[image] = scores[image * classes + options.classIndex]!;
        else {
          let best = -Infinity;
          for (let c = 0; c < classes; c++) best = Math.max(best, scores[image * classes + c]!);
          key[image] = best;
        }
        break;
      }
      case 'missed-first': {
        const counts = markCounts(data, image, options);
        key[image] = counts.missed;
        second[image] = counts.fp;
        break;
      }
      case 'disagreement':
        key[image] = disagreementSize(data, image);
        break;
      case 'refinement':
        key[image] = refinementSize(data, image);
        break;
    }
  }
  // Array.prototype.sort is stable: ties stay in split order.
  return kept.sort((a, b) => key[b]! - key[a]! || second[b]! - second[a]!);
}

/** Where focus goes from `position` in a grid of `count` items and `columns` columns; clamped at the edges. */
export function moveInGrid(position: number, count: number, columns: number, key: string, pageRows = 1): number {
  if (count === 0) return 0;
  const last = count - 1;
  const clamp = (value: number) => Math.max(0, Math.min(last, value));
  switch (key) {
    case 'ArrowRight':
      return clamp(position + 1);
    case 'ArrowLeft':
      return clamp(position - 1);
    case 'ArrowDown':
      return position + columns <= last ? position + columns : position;
    case 'ArrowUp':
      return position - columns >= 0 ? position - columns : position;
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return clamp(position + columns * pageRows);
    case 'PageUp':
      return clamp(position - columns * pageRows);
    default:
      return clamp(position);
  }
}

/** The rows of a virtualized grid to render for a scroll position: [first, end), with `overscan` extra rows. */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, rowCount: number, overscan = 2): { first: number; end: number } {
  if (rowCount === 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(rowCount, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, end: Math.max(first, end) };
}
