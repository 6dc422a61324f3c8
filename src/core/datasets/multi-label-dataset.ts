import type { SkippedItem } from '../data-error';
import type { ImageId, LabelMatrix } from '../types';

/** The layouts the lab reads. */
export const DATASET_FORMATS = ['voc', 'coco', 'nus-wide', 'folder'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

export const isDatasetFormat = (value: string): value is DatasetFormat => (DATASET_FORMATS as readonly string[]).includes(value);

/** A class as a dataset names it. */
export interface DatasetClass {
  /** The stable key: the label matrix's column, caches and URLs use it (VOC `diningtable`, COCO `dining table`). */
  readonly token: string;
  /** What people read (VOC `dining table`). */
  readonly name: string;
  /** What the prompt template's `{name}` becomes unless the user edits it (a class list may give its own). */
  readonly promptName: string;
}

/**
 * Counts a dataset's summary reports, the same keys for every layout (0 where a layout has no such thing):
 * objects and difficult objects (VOC annotations, COCO instances), images with no annotation at all (kept,
 * all-negative), crowd annotations, and images the layout names but the folder lacks (skipped).
 */
export interface DatasetFacts {
  readonly objects: number;
  readonly difficultObjects: number;
  readonly unannotatedImages: number;
  readonly crowdAnnotations: number;
  readonly missingImages: number;
}

export const NO_FACTS: DatasetFacts = { objects: 0, difficultObjects: 0, unannotatedImages: 0, crowdAnnotations: 0, missingImages: 0 };

/**
 * One interface for every layout (VOC, COCO, NUS-WIDE, a plain folder with a class list): what the
 * initialization, the views, the exports, the CLI and the reference caches read. Nothing outside a
 * layout's folder knows its file names.
 */
export interface MultiLabelDataset {
  readonly format: DatasetFormat;
  /** The source's label (the folder, as the user knows it). */
  readonly root: string;
  /** The split loaded; null when the layout has none or the images were listed without one. */
  readonly split: string | null;
  /** Every split the layout offers (what a split picker lists). */
  readonly splits: readonly string[];
  /** The loaded images, in the layout's order; skipped ones are left out. */
  readonly ids: readonly ImageId[];
  /** Aligned with `ids`: each image's path inside the source. */
  readonly imagePaths: readonly string[];
  readonly classes: readonly DatasetClass[];
  /**
   * [ids, classes]: 1 positive, −1 negative, 0 difficult-only (VOC). null: no ground truth (a plain
   * folder) — every view then shows what needs no truth instead of mAP.
   */
  readonly labels: LabelMatrix | null;
  readonly facts: DatasetFacts;
  readonly skipped: readonly SkippedItem[];
  readonly warnings: readonly string[];
}

/** The class tokens, in column order. */
export const classTokens = (dataset: Pick<MultiLabelDataset, 'classes'>): string[] => dataset.classes.map((c) => c.token);

/** Image id → path inside the source, for the readers of image files. */
export const imagePathIndex = (dataset: Pick<MultiLabelDataset, 'ids' | 'imagePaths'>): Map<string, string> =>
  new Map(dataset.ids.map((id, row) => [String(id), dataset.imagePaths[row]!]));
