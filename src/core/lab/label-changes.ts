import { scoresOf, type GalleryScores } from './gallery';

/**
 * Where two label sets of the same image differ: global versus aggregate (what the snippets changed) and
 * Y0 versus refined (what training changed). Neither needs ground truth.
 */

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
