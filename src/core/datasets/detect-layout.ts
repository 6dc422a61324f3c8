import { isCocoRoot } from '../coco/coco-layout';
import { joinPath, type FileSource } from '../dataset-source';
import { CLASS_LIST_FILE } from '../folder/class-list';
import { isNusWideRoot } from '../nus-wide/nus-wide-layout';
import { isVocRoot } from '../voc/voc-layout';
import type { DatasetFormat } from './multi-label-dataset';
import { subSource } from './sub-source';

/** A layout found inside what the user chose: which, where (a path inside it), and that folder as a source. */
export interface DetectedLayout {
  readonly format: DatasetFormat;
  /** '' for the chosen folder itself, else e.g. 'VOCdevkit/VOC2012'. */
  readonly path: string;
  readonly source: FileSource;
}

/** How far below the chosen folder to look: VOCdevkit/VOC2012 is two levels. */
const MAX_DEPTH = 2;

const isClassListFolder = async (source: FileSource): Promise<boolean> => source.exists(CLASS_LIST_FILE);

/** The layouts in the order they are tried in one folder: the most specific first, a class list last. */
const DETECTORS: readonly (readonly [DatasetFormat, (source: FileSource) => Promise<boolean>])[] = [
  ['voc', isVocRoot],
  ['coco', isCocoRoot],
  ['nus-wide', isNusWideRoot],
  ['folder', isClassListFolder],
];

/**
 * Users pick or drop a dataset's root or a folder above it (VOCdevkit/, the folder an archive was
 * unpacked into). Looks at the chosen folder, then each child folder, then each grandchild, in name
 * order, and returns the first that is one of the layouts (`only` restricts them); null when none is.
 */
export async function detectLayout(source: FileSource, only?: DatasetFormat): Promise<DetectedLayout | null> {
  const detectors = DETECTORS.filter(([format]) => only === undefined || format === only);
  let level = [''];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth++) {
    for (const path of level) {
      const folder = subSource(source, path);
      for (const [format, matches] of detectors) if (await matches(folder)) return { format, path, source: folder };
    }
    const children = await Promise.all(level.map(async (dir) => (await source.listDirs(dir)).filter(isCandidate).map((name) => joinPath(dir, name))));
    level = children.flat();
  }
  return null;
}

/**
 * Hidden folders and macOS's __MACOSX (unzipping on a Mac leaves it beside the dataset, holding
 * `._*` resource forks in a copy of the same tree) are never the dataset.
 */
const isCandidate = (name: string): boolean => !name.startsWith('.') && name !== '__MACOSX';
