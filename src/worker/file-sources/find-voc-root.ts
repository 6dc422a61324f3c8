import { joinPath, type FileSource } from '../../core/dataset-source';
import { subSource } from '../../core/datasets/sub-source';

export { subSource };

/** A folder holding either of these is taken for a VOC root (a split may lack one of them). */
const VOC_MARKERS = ['Annotations', 'JPEGImages'];
/** How far below the chosen folder to look: VOCdevkit/VOC2012 is two levels. */
const MAX_DEPTH = 2;

export interface FoundVocRoot {
  /** The VOC root as a source of its own (the given source when the root is the chosen folder). */
  readonly source: FileSource;
  /** Where it is inside the chosen folder: '', 'VOC2012' or 'VOCdevkit/VOC2012'. */
  readonly path: string;
}

/**
 * Users pick or drop the VOC root itself or a folder above it (VOCdevkit/ or the folder the archive
 * was unpacked into). Looks at the root, then each child folder, then each grandchild, in name order,
 * and returns the first folder that has Annotations/ or JPEGImages/; null when there is none.
 * Works with any FileSource: it only lists folders, it reads no file.
 */
export async function findVocRoot(source: FileSource): Promise<FoundVocRoot | null> {
  let level = [''];
  for (let depth = 0; depth <= MAX_DEPTH && level.length > 0; depth++) {
    const listed = await Promise.all(
      level.map(async (dir) => ({ dir, children: (await source.listDirs(dir)).filter(isCandidate) })),
    );
    const hit = listed.find(({ children }) => children.some((name) => VOC_MARKERS.includes(name)));
    if (hit !== undefined) return { source: subSource(source, hit.dir), path: hit.dir };
    level = listed.flatMap(({ dir, children }) => children.map((name) => joinPath(dir, name)));
  }
  return null;
}

/**
 * Hidden folders and macOS's __MACOSX (unzipping on a Mac leaves it beside the dataset, holding
 * `._*` resource forks in a copy of the same tree) are never the dataset.
 */
const isCandidate = (name: string): boolean => !name.startsWith('.') && name !== '__MACOSX';
