/**
 * How sure the pseudo labels of one image are, read from its scores alone (no ground truth needed):
 * the gallery's confidence, label-count and margin orders. `scores` is [images × classes] row-major.
 */

/** The highest score of an image over classes: its most confident label (−∞ with no classes). */
export function bestScore(scores: Float32Array, classes: number, image: number): number {
  let best = -Infinity;
  for (let c = 0; c < classes; c++) best = Math.max(best, scores[image * classes + c]!);
  return best;
}

/** How many classes an image is given at the cut (score ≥ cut). */
export function labelCount(scores: Float32Array, classes: number, image: number, cut: number): number {
  let count = 0;
  for (let c = 0; c < classes; c++) if (scores[image * classes + c]! >= cut) count++;
  return count;
}

/**
 * How far an image's labels are from flipping: min over classes of |score − cut| (or of the one class
 * `classIndex`). Small means some label sits on the cut, so a small change of the setting or the cut
 * would add or drop it: the images to check first when there is no ground truth to check against.
 */
export function cutMargin(scores: Float32Array, classes: number, image: number, cut: number, classIndex: number | null = null): number {
  if (classIndex !== null) return Math.abs(scores[image * classes + classIndex]! - cut);
  let margin = Infinity;
  for (let c = 0; c < classes; c++) margin = Math.min(margin, Math.abs(scores[image * classes + c]! - cut));
  return margin;
}
