import { DataError } from '../data-error';
import { NO_FACTS, type DatasetClass, type MultiLabelDataset } from '../datasets/multi-label-dataset';
import { joinPath, type FileSource } from '../dataset-source';
import { displayPath } from '../datasets/source-paths';
import { asImageId } from '../types';
import { CLASS_LIST_FILE, parseClassList } from './class-list';

export interface LoadFolderOptions {
  /** Classes typed in the lab; without them the folder's classes.txt is read. */
  readonly classes?: readonly DatasetClass[];
}

const IMAGE_EXTENSION = /\.(jpe?g|png)$/i;
/** Hidden folders and macOS's __MACOSX (resource forks beside an unzipped tree) hold no dataset images. */
const isSkippedFolder = (name: string): boolean => name.startsWith('.') || name === '__MACOSX';

/**
 * A plain folder of photos (JPEG and PNG at any depth) with a class list and no ground truth: the
 * unsupervised user's dataset. Image ids are the paths without their extension.
 */
export async function loadFolderDataset(source: FileSource, options: LoadFolderOptions = {}): Promise<MultiLabelDataset> {
  const classes = options.classes ?? (await readClassList(source));
  const paths = await findImages(source);
  if (paths.length === 0) throw new DataError(source.label, 'no JPEG or PNG images in this folder or its sub-folders');
  return {
    format: 'folder',
    root: source.label,
    split: null,
    splits: [],
    ids: imageIds(paths).map(asImageId),
    imagePaths: paths,
    classes,
    labels: null,
    facts: NO_FACTS,
    skipped: [],
    warnings: [],
  };
}

/** Paths without their extension; where two files differ only in it (a.jpg, a.png), the later keeps its extension. */
function imageIds(paths: readonly string[]): string[] {
  const used = new Set<string>();
  return paths.map((path) => {
    const stem = path.replace(IMAGE_EXTENSION, '');
    const id = used.has(stem) ? path : stem;
    used.add(id);
    return id;
  });
}

async function readClassList(source: FileSource): Promise<DatasetClass[]> {
  if (!(await source.exists(CLASS_LIST_FILE))) {
    throw new DataError(displayPath(source.label, CLASS_LIST_FILE), 'no class list: put one class per line in classes.txt, or type the classes in the lab');
  }
  return parseClassList(await source.readText(CLASS_LIST_FILE), displayPath(source.label, CLASS_LIST_FILE));
}

/** Every image file below the root, folder by folder, as sorted paths. */
export async function findImages(source: FileSource): Promise<string[]> {
  const found: string[] = [];
  let level = [''];
  while (level.length > 0) {
    const next: string[] = [];
    for (const dir of level) {
      const [files, dirs] = await Promise.all([source.listFiles(dir), source.listDirs(dir)]);
      for (const name of files) if (IMAGE_EXTENSION.test(name) && !name.startsWith('._')) found.push(joinPath(dir, name));
      for (const name of dirs) if (!isSkippedFolder(name)) next.push(joinPath(dir, name));
    }
    level = next;
  }
  return found.sort();
}
