import { isPositive, markCounts, markOf, scoresOf, type GalleryFilter, type GalleryMarking, type GalleryScores } from './gallery';
import { disagreements, labelChanges } from './label-changes';

/** What the gallery's filters read: the marking, the filter and the class chosen (null = every class). */
export interface GalleryFilterOptions extends GalleryMarking {
  readonly filter: GalleryFilter;
  readonly classIndex: number | null;
}

/**
 * Whether an image passes the class and the filter, read together as the controls say them: with a
 * class chosen, "with false positives" means false positives *of that class* (likewise missed labels,
 * global/aggregate disagreement and training's changes on that class); without one, of any class. The
 * class alone ("every image") keeps the images where it is a ground-truth positive (as the difficult
 * policy counts it) or predicted.
 * `scores` are the scores of `options.mode`; the filters needing ground truth assume the caller checked it.
 */
export function passesFilter(data: GalleryScores, scores: Float32Array, image: number, options: GalleryFilterOptions): boolean {
  const { classIndex } = options;
  if (classIndex === null) return passesAnyClass(data, image, options);
  const i = image * data.classes.length + classIndex;
  const predicted = scores[i]! >= options.cut;
  const mark = data.truth ? markOf(scores[i]!, data.truth[i]!, options.cut, options.difficult) : null;
  switch (options.filter) {
    case 'all':
      return predicted || (data.truth !== null && isPositive(data.truth[i]!, options.difficult));
    case 'has-missed':
      return mark === 'missed';
    case 'has-fp':
      return mark === 'fp';
    case 'disagrees':
      return data.scores.global[i]! >= options.cut !== data.scores.aggregate[i]! >= options.cut;
    case 'refined-changed':
      return scoresOf(data, 'initial')[i]! >= options.cut !== scoresOf(data, 'refined')[i]! >= options.cut;
  }
}

function passesAnyClass(data: GalleryScores, image: number, options: GalleryFilterOptions): boolean {
  switch (options.filter) {
    case 'all':
      return true;
    case 'has-missed':
      return markCounts(data, image, options)!.missed > 0;
    case 'has-fp':
      return markCounts(data, image, options)!.fp > 0;
    case 'disagrees':
      return disagreements(data, image, options.cut).length > 0;
    case 'refined-changed': {
      const changes = labelChanges(data, image, options.cut);
      return changes.gained.length > 0 || changes.lost.length > 0;
    }
  }
}
