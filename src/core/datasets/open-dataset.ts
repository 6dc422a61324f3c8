import { loadCocoDataset } from '../coco/load-coco-dataset';
import { DataError } from '../data-error';
import type { FileSource } from '../dataset-source';
import { loadFolderDataset } from '../folder/load-folder-dataset';
import { loadNusWideDataset } from '../nus-wide/load-nus-wide-dataset';
import type { DifficultPolicy } from '../types';
import { loadVocLayout } from '../voc/voc-layout';
import { detectLayout } from './detect-layout';
import type { DatasetClass, DatasetFormat, MultiLabelDataset } from './multi-label-dataset';

export interface OpenDatasetOptions {
  /** 'auto' (default) detects the layout in the folder or up to two levels below it. */
  readonly format?: DatasetFormat | 'auto';
  readonly split?: string;
  /** VOC: how difficult-only labels count by default (they are kept as 0 in the labels). */
  readonly difficult?: DifficultPolicy;
  /** COCO: crowd annotations counted positive (default) or ignored. */
  readonly crowd?: 'positive' | 'ignore';
  /** A class list for a plain folder (typed in the lab, or `cdul --classes FILE`): replaces classes.txt. */
  readonly classes?: readonly DatasetClass[];
  /** Long steps (a 330 MB COCO instances file) say what they are doing. */
  readonly onStage?: (stage: string) => void;
  /** VOC: annotations read so far (thousands of XML files). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What a folder was opened as: the dataset, and where its root is inside what the user chose. */
export interface OpenedDataset {
  readonly dataset: MultiLabelDataset;
  /** The dataset's root as a source of its own (image paths are relative to it). */
  readonly source: FileSource;
  /** '' for the chosen folder itself, else e.g. 'VOCdevkit/VOC2012'. */
  readonly path: string;
}

/**
 * Opens whatever the user chose as a multi-label dataset: detects the layout (or takes the one asked
 * for), then loads the split. A folder with images but no recognisable layout is a plain folder when
 * a class list is given. No layout found is a DataError naming the folder and what was looked for.
 */
export async function openDataset(source: FileSource, options: OpenDatasetOptions = {}): Promise<OpenedDataset> {
  const format = options.format ?? 'auto';
  const only = format === 'auto' ? undefined : format;
  const detected = (await detectLayout(source, only)) ?? (options.classes && (only === undefined || only === 'folder') ? { format: 'folder' as const, path: '', source } : null);
  if (!detected) throw new DataError(source.label, notFound(only));
  const dataset = await loadLayout(detected.format, detected.source, options);
  return { dataset, source: detected.source, path: detected.path };
}

function loadLayout(format: DatasetFormat, source: FileSource, options: OpenDatasetOptions): Promise<MultiLabelDataset> {
  const { split, onStage } = options;
  switch (format) {
    case 'voc':
      return loadVocLayout(source, { split, difficult: options.difficult, onProgress: options.onProgress });
    case 'coco':
      return loadCocoDataset(source, { split, crowd: options.crowd, onStage });
    case 'nus-wide':
      return loadNusWideDataset(source, { split, onStage });
    case 'folder':
      return loadFolderDataset(source, { classes: options.classes });
  }
}

const LOOKED_FOR: Readonly<Record<DatasetFormat, string>> = {
  voc: 'a PASCAL VOC folder (Annotations/ and JPEGImages/)',
  coco: 'a COCO folder (annotations/instances_<split>.json)',
  'nus-wide': 'a NUS-WIDE folder (Concepts81.txt and ImageList/)',
  folder: 'a folder of photos with a class list (classes.txt)',
};

function notFound(only: DatasetFormat | undefined): string {
  const wanted = only ? LOOKED_FOR[only] : Object.values(LOOKED_FOR).join(', or ');
  return `no dataset here: expected ${wanted}, in the folder or one or two levels down`;
}
