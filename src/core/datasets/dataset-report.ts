import type { DifficultPolicy } from '../types';
import { summarizeDataset } from '../voc/voc-summary';
import { classTokens, type MultiLabelDataset } from './multi-label-dataset';

/**
 * What `cdul dataset --json` prints, the same keys for every layout: the figures that need ground
 * truth are null for a folder without it (which also says `unlabelled: true`).
 */
export interface DatasetReport {
  readonly format: MultiLabelDataset['format'];
  readonly root: string;
  readonly split: string | null;
  readonly splits: readonly string[];
  readonly images: number;
  readonly classes: readonly string[];
  readonly classNames: readonly string[];
  /** What the prompt template's `{name}` becomes for each class (a class list's `name<TAB>prompt name`). */
  readonly promptNames: readonly string[];
  readonly objects: number;
  readonly difficultObjects: number;
  readonly crowdAnnotations: number;
  readonly unannotatedImages: number;
  readonly missingImages: number;
  readonly unlabelled: boolean;
  readonly multiLabelImages: number | null;
  readonly multiLabelImagesIgnoringDifficult: number | null;
  readonly difficultOnlyPairs: number | null;
  readonly positivesPerClass: Readonly<Record<string, number>> | null;
  readonly classesWithoutPositives: readonly string[] | null;
  readonly skipped: MultiLabelDataset['skipped'];
  readonly warnings: readonly string[];
}

export function datasetReport(dataset: MultiLabelDataset, policy: DifficultPolicy = 'positive'): DatasetReport {
  const classes = classTokens(dataset);
  const { facts, labels } = dataset;
  const summarize = (difficult: DifficultPolicy) =>
    labels ? summarizeDataset({ classes, labels, objects: facts.objects, difficultObjects: facts.difficultObjects, difficult }) : null;
  const positive = summarize('positive');
  return {
    format: dataset.format,
    root: dataset.root,
    split: dataset.split,
    splits: dataset.splits,
    images: dataset.ids.length,
    classes,
    classNames: dataset.classes.map((c) => c.name),
    promptNames: dataset.classes.map((c) => c.promptName),
    objects: facts.objects,
    difficultObjects: facts.difficultObjects,
    crowdAnnotations: facts.crowdAnnotations,
    unannotatedImages: facts.unannotatedImages,
    missingImages: facts.missingImages,
    unlabelled: labels === null,
    multiLabelImages: positive?.multiLabelImages ?? null,
    multiLabelImagesIgnoringDifficult: summarize('ignore')?.multiLabelImages ?? null,
    difficultOnlyPairs: positive?.difficultOnlyPairs ?? null,
    positivesPerClass: positive ? Object.fromEntries(classes.map((token, c) => [token, positive.positivesPerClass[c]!])) : null,
    classesWithoutPositives: summarize(policy)?.classesWithoutPositives ?? null,
    skipped: dataset.skipped,
    warnings: [...dataset.warnings, ...dataset.skipped.map((item) => `skipped ${item.id}: ${item.reason}`)],
  };
}
