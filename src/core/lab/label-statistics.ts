import { byMode, type ByMode } from '../evaluation/pseudo-label-modes';
import { labelCount } from './label-certainty';

/**
 * What the pseudo labels of a run say without ground truth to measure them against (a plain folder of
 * photos): how many labels an image gets at the cut, how many images get none, and how often each class
 * is given. The workspace shows these in place of the mAP table.
 */
export interface LabelStatistics {
  readonly images: number;
  /** Labels (score ≥ cut) per image, averaged over the images; 0 with no image. */
  readonly meanLabels: number;
  /** Images without any label at the cut. */
  readonly imagesWithoutLabel: number;
  /** Per class (dataset order): images given that class at the cut. */
  readonly imagesPerClass: readonly number[];
}

/** The statistics of one mode's scores ([images × classes] row-major) at the cut. */
export function labelStatistics(scores: Float32Array, classes: number, cut: number): LabelStatistics {
  if (classes <= 0 || scores.length % classes !== 0) throw new RangeError(`${scores.length} scores do not fill rows of ${classes} classes`);
  const images = scores.length / classes;
  const imagesPerClass = new Array<number>(classes).fill(0);
  let labels = 0;
  let imagesWithoutLabel = 0;
  for (let image = 0; image < images; image++) {
    const count = labelCount(scores, classes, image, cut);
    labels += count;
    if (count === 0) imagesWithoutLabel++;
    for (let c = 0; c < classes; c++) if (scores[image * classes + c]! >= cut) imagesPerClass[c]!++;
  }
  return { images, meanLabels: images === 0 ? 0 : labels / images, imagesWithoutLabel, imagesPerClass };
}

/** The statistics of the three modes at one cut. */
export function labelStatisticsByMode(scores: ByMode<Float32Array>, classes: number, cut: number): ByMode<LabelStatistics> {
  return byMode((mode) => labelStatistics(scores[mode], classes, cut));
}
