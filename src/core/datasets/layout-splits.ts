import { listCocoSplits } from '../coco/coco-layout';
import type { FileSource } from '../dataset-source';
import { listNusSplits } from '../nus-wide/nus-wide-layout';
import { listSplits } from '../voc/image-sets';
import { detectLayout } from './detect-layout';
import type { DatasetFormat } from './multi-label-dataset';

/** What a folder holds before anything is loaded: the layout found, where, and the splits it offers. */
export interface LayoutFacts {
  readonly format: DatasetFormat;
  /** '' for the chosen folder itself, else e.g. 'VOCdevkit/VOC2012'. */
  readonly path: string;
  /** Sorted as the layout lists them; [] for a plain folder (no splits). */
  readonly splits: readonly string[];
}

/**
 * The layout of what the user chose and its splits, read from file names only (no annotation parsed,
 * so a 330 MB COCO instances file costs nothing here): what the split picker offers before a run.
 * null when no layout is found (a folder of photos without classes.txt, or not the `only` asked for).
 */
export async function describeLayout(source: FileSource, only?: DatasetFormat): Promise<LayoutFacts | null> {
  const detected = await detectLayout(source, only);
  if (!detected) return null;
  return { format: detected.format, path: detected.path, splits: await layoutSplits(detected.format, detected.source) };
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
