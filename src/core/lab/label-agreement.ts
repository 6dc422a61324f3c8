/**
 * How two pseudo-label settings A and B agree when there is no ground truth to score them against
 * (a plain folder of photos): Compare shows what each side predicts and how much the two overlap.
 *
 * "Predicted" is the gallery's definition: class c is predicted for an image when its score is ≥ the
 * label cut. Score matrices are [images × classes] row-major, as the 'scores' answer gives them.
 */

export interface ClassAgreement {
  readonly classIndex: number;
  readonly className: string;
  /** Images predicted positive under A, under B, under both, under either. */
  readonly positivesA: number;
  readonly positivesB: number;
  readonly both: number;
  readonly either: number;
  /** |A ∩ B| / |A ∪ B| of the two positive sets; null when neither side predicts the class for any image. */
  readonly jaccard: number | null;
}

export interface LabelAgreement {
  readonly perClass: readonly ClassAgreement[];
  /** Mean of the per-class Jaccard indices that exist (classes without any positive are left out); null when none does. */
  readonly meanJaccard: number | null;
  /** Classes left out of the mean: predicted for no image by A nor B. */
  readonly classesWithoutPositives: number;
}

function checkShapes(images: number, classes: number, a: Float32Array, b: Float32Array): void {
  if (a.length !== images * classes || b.length !== a.length) {
    throw new RangeError(`expected ${images}×${classes} scores for A and B, got ${a.length} and ${b.length}`);
  }
}

/** Per class, the positives of A and B and the Jaccard index of the two positive sets; and their mean. */
export function labelAgreement(classNames: readonly string[], a: Float32Array, b: Float32Array, cut: number): LabelAgreement {
  const classes = classNames.length;
  const images = classes === 0 ? 0 : a.length / classes;
  checkShapes(images, classes, a, b);
  const perClass = classNames.map((className, c) => {
    let positivesA = 0;
    let positivesB = 0;
    let both = 0;
    for (let row = 0; row < images; row++) {
      const inA = a[row * classes + c]! >= cut;
      const inB = b[row * classes + c]! >= cut;
      if (inA) positivesA++;
      if (inB) positivesB++;
      if (inA && inB) both++;
    }
    const either = positivesA + positivesB - both;
    return { classIndex: c, className, positivesA, positivesB, both, either, jaccard: either === 0 ? null : both / either };
  });
  const defined = perClass.flatMap((row) => (row.jaccard === null ? [] : [row.jaccard]));
  return {
    perClass,
    meanJaccard: defined.length === 0 ? null : defined.reduce((sum, value) => sum + value, 0) / defined.length,
    classesWithoutPositives: classes - defined.length,
  };
}

export interface LabelSetChange {
  readonly row: number;
  readonly id: string;
  /** Classes predicted under B but not under A, and under A but not under B (class order). */
  readonly gained: readonly string[];
  readonly lost: readonly string[];
}

export interface LabelSetChanges {
  /** How many images' predicted label sets differ between A and B. */
  readonly count: number;
  readonly images: number;
  /** The first `limit` of them, most classes flipped first (ties: split order). */
  readonly shown: readonly LabelSetChange[];
}

/** The images whose predicted labels (score ≥ cut) differ between A and B, with the classes gained and lost. */
export function labelSetChanges(ids: readonly string[], classNames: readonly string[], a: Float32Array, b: Float32Array, cut: number, limit: number): LabelSetChanges {
  const classes = classNames.length;
  checkShapes(ids.length, classes, a, b);
  const changes: LabelSetChange[] = [];
  for (let row = 0; row < ids.length; row++) {
    const gained: string[] = [];
    const lost: string[] = [];
    for (let c = 0; c < classes; c++) {
      const inA = a[row * classes + c]! >= cut;
      const inB = b[row * classes + c]! >= cut;
      if (inB && !inA) gained.push(classNames[c]!);
      if (inA && !inB) lost.push(classNames[c]!);
    }
    if (gained.length + lost.length > 0) changes.push({ row, id: ids[row]!, gained, lost });
  }
  const flips = (change: LabelSetChange) => change.gained.length + change.lost.length;
  const ranked = [...changes].sort((x, y) => flips(y) - flips(x) || x.row - y.row);
  return { count: changes.length, images: ids.length, shown: ranked.slice(0, Math.max(0, limit)) };
}
