import { listCocoSplits } from '../coco/coco-layout';
import type { FileSource } from '../dataset-source';
import { listNusSplits } from '../nus-wide/nus-wide-layout';
import { listSplits } from '../voc/image-sets';
import { detectLayout } from './detect-layout';
import { layoutContents, type LayoutContents } from './layout-contents';
import type { DatasetFormat } from './multi-label-dataset';

/** What a folder holds before anything is loaded: the layout found, where, and the splits it offers. */
export interface LayoutFacts {
  readonly format: DatasetFormat;
  /** '' for the chosen folder itself, else e.g. 'VOCdevkit/VOC2012'. */
  readonly path: string;
  /** Sorted as the layout lists them; [] for a plain folder (no splits). */
  readonly splits: readonly string[];
  /** Images, annotation files and classes found, counted without parsing (layout-contents.ts). */
  readonly contents: LayoutContents;
}

/**
 * The layout of what the user chose, its splits and what it holds, read from file names and small list
 * files only (no annotation parsed, so a 330 MB COCO instances file costs nothing here): what the
 * dataset panel says and the split picker offers the moment a folder is chosen.
 * null when no layout is found (a folder of photos without classes.txt, or not the `only` asked for).
 */
export async function describeLayout(source: FileSource, only?: DatasetFormat): Promise<LayoutFacts | null> {
  const detected = await detectLayout(source, only);
  if (!detected) return null;
  const splits = await layoutSplits(detected.format, detected.source);
  return { format: detected.format, path: detected.path, splits, contents: await layoutContents(detected.format, detected.source, splits) };
}

function layoutSplits(format: DatasetFormat, root: FileSource): Promise<readonly string[]> {
  switch (format) {
    case 'voc':
      return listSplits(root);
    case 'coco':
      return listCocoSplits(root);
    case 'nus-wide':
      return listNusSplits(root);
    case 'folder':
      return Promise.resolve([]);
  }
}
