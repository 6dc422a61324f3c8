import { DataError } from '../data-error';
import type { FileSource } from '../dataset-source';
import { asImageId, type ImageId } from '../types';
import { IMAGE_SETS_DIR, listSplits, readSplitList, splitFilePath } from './image-sets';

export interface ImageListing {
  /** null when the list comes from Annotations/ rather than a split file. */
  readonly split: string | null;
  readonly ids: readonly ImageId[];
  /** How the list was made, when that is worth telling the user. */
  readonly warnings: readonly string[];
}

/**
 * Which images a VOC folder holds (spec §4). A requested split must exist. Without one: the only
 * split if the folder has exactly one, else every `Annotations/*.xml` (sorted), with a warning,
 * because a folder without ImageSets (e.g. a hand-made subset) is still worth loading.
 */
export async function listVocImages(
  source: FileSource,
  split: string | undefined,
  annotationFiles: ReadonlySet<string>,
): Promise<ImageListing> {
  if (split !== undefined) {
    if (!(await source.exists(splitFilePath(split)))) {
      throw splitNotFound(split, await listSplits(source));
    }
    return { split, ids: await readSplitList(source, split), warnings: [] };
  }
  const splits = await listSplits(source);
  const [only] = splits;
  if (only !== undefined && splits.length === 1) {
    return { split: only, ids: await readSplitList(source, only), warnings: [] };
  }
  const ids = idsFromAnnotations(annotationFiles);
  const why =
    splits.length === 0
      ? `no ${IMAGE_SETS_DIR}`
      : `no split chosen (available: ${splits.join(', ')})`;
  const warning = `${why}: images listed from Annotations/ (${ids.length} files)`;
  return { split: null, ids, warnings: [warning] };
}

function splitNotFound(split: string, available: readonly string[]): DataError {
  const hint =
    available.length === 0
      ? `no split files in ${IMAGE_SETS_DIR}`
      : `available splits: ${available.join(', ')}`;
  return new DataError(splitFilePath(split), `split '${split}' not found (${hint})`);
}

function idsFromAnnotations(annotationFiles: ReadonlySet<string>): ImageId[] {
  const ids = [...annotationFiles]
    .filter((name) => name.endsWith('.xml') && name.length > '.xml'.length)
    .map((name) => name.slice(0, -'.xml'.length))
    .sort();
  if (ids.length === 0) {
    throw new DataError(
      'Annotations',
      `no .xml files and no ${IMAGE_SETS_DIR}/<split>.txt: cannot tell which images there are`,
    );
  }
  return ids.map(asImageId);
}
