import type { DifficultPolicy, LabelMatrix, Matrix } from '../types';
import type { ApConvention } from './ap-convention';
import { averagePrecision } from './average-precision';
import { assertSameShape } from './metric-input';
import { createRankingWorkspace, rankClassColumn } from './ranked-labels';
import type { RankedColumn, RankingWorkspace } from './ranked-labels';

export interface MeanApOptions {
  readonly convention: ApConvention;
  readonly difficult: DifficultPolicy;
  /**
   * Buffers to reuse across calls (e.g. the 41 evaluations of a ζ sweep). Used when it holds at
   * least `scores.rows` images; otherwise one is allocated for this call and shared by its classes.
   */
  readonly workspace?: RankingWorkspace;
}

export interface ClassAp {
  readonly className: string;
  readonly classIndex: number;
  /** Average precision in percent (0–100); null when the class has no positive image. */
  readonly ap: number | null;
  readonly positives: number;
  readonly negatives: number;
  /** Difficult-only images left out for this class (policy 'ignore'); 0 under 'positive'. */
  readonly ignored: number;
}

export interface MeanApResult {
  readonly convention: ApConvention;
  readonly difficult: DifficultPolicy;
  /** Macro mean of the per-class APs over classes with at least one positive, in percent. */
  readonly mAP: number;
  /** Per-class AP in percent by class name; null for a class without positives. */
  readonly ap: Record<string, number | null>;
  /** One entry per class, in column order. */
  readonly perClass: readonly ClassAp[];
  /** Classes with no positive in the split: no AP, left out of the mean. */
  readonly classesWithoutPositives: string[];
  /** Number of classes averaged into `mAP`. */
  readonly evaluatedClasses: number;
}

/**
 * mAP of `scores` ([images, classes], row-major) against `labels` (1 / −1 / 0 = difficult-only).
 * Throws RangeError on mismatched shapes or names, NaN scores, bad labels, or when no class has a
 * positive (there is then no mAP to report).
 */
export function evaluateMeanAp(
  scores: Matrix,
  labels: LabelMatrix,
  options: MeanApOptions,
  classNames: readonly string[],
): MeanApResult {
  assertSameShape(scores, labels);
  assertClassNames(classNames, scores.cols);
  const workspace =
    options.workspace && options.workspace.capacity >= scores.rows
      ? options.workspace
      : createRankingWorkspace(scores.rows);
  const columns: ColumnAp[] = [];
  for (let c = 0; c < scores.cols; c++) {
    const ranked = rankClassColumn(scores, labels, c, {
      difficult: options.difficult,
      workspace,
      className: classNames[c]!,
    });
    columns.push(columnAp(ranked, averagePrecision(ranked, options.convention)));
  }
  return meanApResult(columns, options, classNames, scores.rows);
}

/** One class's AP (a fraction, null without positives) and counts, as `meanApResult` takes them. */
export interface ColumnAp {
  readonly ap: number | null;
  readonly positives: number;
  readonly negatives: number;
  readonly ignored: number;
}

export function columnAp(ranked: RankedColumn, ap: number | null): ColumnAp {
  return { ap, positives: ranked.positives, negatives: ranked.length - ranked.positives, ignored: ranked.ignored };
}

/**
 * The macro mean of per-class APs given in column order (summed in that order, so the same APs
 * always give the same mAP bits). Throws RangeError when no class has a positive.
 */
export function meanApResult(
  columns: readonly ColumnAp[],
  options: Pick<MeanApOptions, 'convention' | 'difficult'>,
  classNames: readonly string[],
  images: number,
): MeanApResult {
  const perClass: ClassAp[] = [];
  let sum = 0;
  let evaluated = 0;
  columns.forEach(({ ap, positives, negatives, ignored }, c) => {
    if (ap !== null) {
      sum += ap;
      evaluated++;
    }
    perClass.push({ className: classNames[c]!, classIndex: c, ap: ap === null ? null : ap * 100, positives, negatives, ignored });
  });
  if (evaluated === 0) {
    throw new RangeError(
      `no class has a positive image among ${images} images: mAP is undefined`,
    );
  }
  return {
    convention: options.convention,
    difficult: options.difficult,
    mAP: (sum / evaluated) * 100,
    // fromEntries defines own properties, so even a class named "__proto__" is stored safely.
    ap: Object.fromEntries(perClass.map((entry) => [entry.className, entry.ap])),
    perClass,
    classesWithoutPositives: perClass
      .filter((entry) => entry.ap === null)
      .map((entry) => entry.className),
    evaluatedClasses: evaluated,
  };
}

export function assertClassNames(classNames: readonly string[], cols: number): void {
  if (classNames.length !== cols) {
    throw new RangeError(`${classNames.length} class names for ${cols} score columns`);
  }
  const seen = new Set<string>();
  for (const name of classNames) {
    if (seen.has(name)) throw new RangeError(`class name "${name}" appears twice`);
    seen.add(name);
  }
}
