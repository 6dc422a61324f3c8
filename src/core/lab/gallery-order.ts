import { hasRefinedScores, imageCount, markCounts, scoresOf, truthOf, type GalleryFilter, type GalleryMarking, type GalleryScores, type GallerySort } from './gallery';
import { bestScore, cutMargin, labelCount } from './label-certainty';
import { passesFilter } from './gallery-filter';
import { disagreementSize, refinementSize } from './label-changes';

/** The orders and filters that need ground truth: not offered for a dataset without it. */
const TRUTH_SORTS: readonly GallerySort[] = ['missed-first'];
const TRUTH_FILTERS: readonly GalleryFilter[] = ['has-missed', 'has-fp'];
/** The orders and filters that need training's labels ('initial' and 'refined'). */
const TRAINING_SORTS: readonly GallerySort[] = ['refinement'];
const TRAINING_FILTERS: readonly GalleryFilter[] = ['refined-changed'];

/** Every order and filter, in menu order. */
export const ALL_SORTS: readonly GallerySort[] = ['dataset', 'score', 'label-count', 'margin', 'missed-first', 'disagreement', 'refinement'];
export const ALL_FILTERS: readonly GalleryFilter[] = ['all', 'disagrees', 'has-missed', 'has-fp', 'refined-changed'];

/** What the gallery's data allows: ground truth and training's labels. */
export interface GalleryAbilities {
  readonly truth: boolean;
  readonly refined: boolean;
}

export const abilitiesOf = (data: GalleryScores): GalleryAbilities => ({ truth: data.truth !== null, refined: hasRefinedScores(data) });

/** The sorts the gallery offers for data with (or without) ground truth and training's labels, in menu order. */
export function availableSorts({ truth, refined }: GalleryAbilities): GallerySort[] {
  return ALL_SORTS.filter((sort) => (truth || !TRUTH_SORTS.includes(sort)) && (refined || !TRAINING_SORTS.includes(sort)));
}

/** The filters the gallery offers, likewise. */
export function availableFilters({ truth, refined }: GalleryAbilities): GalleryFilter[] {
  return ALL_FILTERS.filter((filter) => (truth || !TRUTH_FILTERS.includes(filter)) && (refined || !TRAINING_FILTERS.includes(filter)));
}

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
 *   it) or is predicted (only predicted, without ground truth), and narrows each filter to itself
 *   ("with false positives" of that class: gallery-filter.ts);
 * - sort: `dataset` keeps the split order; `score` (confidence) is descending by the class's score (the
 *   chosen class, else the image's best score); `label-count` is descending by the labels at the cut;
 *   `margin` is ascending by min |score − cut| (the chosen class's, else over classes): least certain
 *   first; `missed-first` is descending by missed labels, then false positives; `disagreement` is
 *   descending by the largest |aggregate − global|; `refinement` is descending by the largest |refined − Y0|.
 * Asking for what the data lacks (training's labels, or ground truth for `has-missed`, `has-fp` and
 * `missed-first`) is an error, not an empty gallery. Ties keep the split order (a stable sort).
 */
export function galleryOrder(data: GalleryScores, options: GalleryOrderOptions): number[] {
  const scores = scoresOf(data, options.mode);
  if (options.filter === 'refined-changed' || options.sort === 'refinement') {
    scoresOf(data, 'initial');
    scoresOf(data, 'refined');
  }
  if (TRUTH_FILTERS.includes(options.filter) || TRUTH_SORTS.includes(options.sort)) truthOf(data, `the gallery's ${TRUTH_SORTS.includes(options.sort) ? options.sort : options.filter} order`);
  const kept = keptImages(data, scores, options);
  if (options.sort === 'dataset') return kept;
  const key = new Float64Array(imageCount(data));
  const second = new Float64Array(key.length);
  for (const image of kept) [key[image], second[image]] = sortKey(data, scores, image, options);
  // Array.prototype.sort is stable: ties stay in split order.
  return kept.sort((a, b) => key[b]! - key[a]! || second[b]! - second[a]!);
}

function keptImages(data: GalleryScores, scores: Float32Array, options: GalleryOrderOptions): number[] {
  const kept: number[] = [];
  for (let image = 0; image < imageCount(data); image++) if (passesFilter(data, scores, image, options)) kept.push(image);
  return kept;
}

/** The descending sort key of one image (and a second key for ties); ascending orders are negated. */
function sortKey(data: GalleryScores, scores: Float32Array, image: number, options: GalleryOrderOptions): [number, number] {
  const classes = data.classes.length;
  switch (options.sort) {
    case 'dataset':
      return [0, 0];
    case 'score':
      return [options.classIndex !== null ? scores[image * classes + options.classIndex]! : bestScore(scores, classes, image), 0];
    case 'label-count':
      return [labelCount(scores, classes, image, options.cut), 0];
    case 'margin':
      return [-cutMargin(scores, classes, image, options.cut, options.classIndex), 0];
    case 'missed-first': {
      const counts = markCounts(data, image, options)!;
      return [counts.missed, counts.fp];
    }
    case 'disagreement':
      return [disagreementSize(data, image), 0];
    case 'refinement':
      return [refinementSize(data, image), 0];
  }
}
