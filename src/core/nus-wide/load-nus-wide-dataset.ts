import { DataError, type SkippedItem } from '../data-error';
import type { DatasetClass, MultiLabelDataset } from '../datasets/multi-label-dataset';
import { displayPath } from '../datasets/source-paths';
import { naturalClassName } from '../voc/voc-classes';
import { joinPath, type FileSource } from '../dataset-source';
import { mapLimited } from '../map-limited';
import { asImageId } from '../types';
import { CONCEPTS_FILE, conceptLabelsPath, IMAGE_LIST_DIR, IMAGES_ROOT, imageListPath, listNusSplits, type NusSplit } from './nus-wide-layout';

export interface LoadNusWideOptions {
  /** 'train' or 'test'; omitted: the only one, else 'train'. */
  readonly split?: string;
  readonly onStage?: (stage: string) => void;
}

/** Non-empty lines, trimmed (the release's files end lines with \r\n and pad some with spaces). */
const lines = (text: string): string[] => text.replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');

/**
 * A NUS-WIDE split as a multi-label dataset: the 81 concepts are the classes, the image list gives
 * the images and each concept's label file a 0/1 per listed image. Images the list names but the
 * folder lacks (copies of NUS-WIDE always miss some) are skipped and named; the rest go on.
 */
export async function loadNusWideDataset(source: FileSource, options: LoadNusWideOptions = {}): Promise<MultiLabelDataset> {
  const splits = await listNusSplits(source);
  const split = chooseSplit(splits, options.split, source.label);
  const concepts = parseConcepts(await source.readText(CONCEPTS_FILE), displayPath(source.label, CONCEPTS_FILE));
  options.onStage?.(`Reading ${imageListPath(split)}…`);
  const listFile = imageListPath(split);
  const listed = lines(await source.readText(listFile)).map((line) => line.replaceAll('\\', '/'));
  if (listed.length === 0) throw new DataError(displayPath(source.label, listFile), 'the image list is empty');
  options.onStage?.(`Reading ${concepts.length} label files…`);
  const columns = await mapLimited(concepts, 16, (concept) => readConceptLabels(source, concept, split, listed.length));
  options.onStage?.('Looking for the listed images…');
  const present = await presentImages(source, listed);
  const keptRows: number[] = [];
  const skipped: SkippedItem[] = [];
  listed.forEach((path, row) => {
    if (present.has(path)) keptRows.push(row);
    else skipped.push({ id: stem(path), reason: `${joinPath(IMAGES_ROOT, path)}: image file not found (listed in ${listFile})` });
  });
  if (keptRows.length === 0) throw new DataError(displayPath(source.label, IMAGES_ROOT), `none of the ${listed.length} images listed in ${listFile} is here`);
  const cols = concepts.length;
  const data = new Int8Array(keptRows.length * cols);
  keptRows.forEach((row, r) => columns.forEach((column, c) => (data[r * cols + c] = column[row] === 1 ? 1 : -1)));
  const unannotated = keptRows.filter((row) => columns.every((column) => column[row] !== 1)).length;
  const warnings = skipped.length > 0 ? [`${skipped.length} of ${listed.length} listed images are not in ${IMAGES_ROOT}/: skipped (NUS-WIDE copies often miss some)`] : [];
  return {
    format: 'nus-wide',
    root: source.label,
    split,
    splits,
    ids: keptRows.map((row) => asImageId(stem(listed[row]!))),
    imagePaths: keptRows.map((row) => joinPath(IMAGES_ROOT, listed[row]!)),
    classes: concepts.map(conceptClass),
    labels: { rows: keptRows.length, cols, data },
    facts: { objects: 0, difficultObjects: 0, unannotatedImages: unannotated, crowdAnnotations: 0, missingImages: skipped.length },
    skipped,
    warnings,
  };
}

function chooseSplit(splits: readonly NusSplit[], asked: string | undefined, label: string): NusSplit {
  if (asked !== undefined) {
    const found = splits.find((split) => split === asked.toLowerCase());
    if (!found) throw new DataError(displayPath(label, IMAGE_LIST_DIR), `split '${asked}' not found (available: ${splits.join(', ') || 'none'})`);
    return found;
  }
  const first = splits.includes('train') ? 'train' : splits[0];
  if (!first) throw new DataError(displayPath(label, IMAGE_LIST_DIR), 'no TrainImagelist.txt or TestImagelist.txt: not a NUS-WIDE folder');
  return first;
}

/** The concept names, one per line; an empty list or a name given twice is a DataError naming the file. */
export function parseConcepts(text: string, file: string): string[] {
  const concepts = lines(text);
  if (concepts.length === 0) throw new DataError(file, 'no concepts listed');
  const twice = concepts.find((concept, k) => concepts.indexOf(concept) !== k);
  if (twice !== undefined) throw new DataError(file, `concept '${twice}' is listed twice`);
  return concepts;
}

/** One concept's labels: a 0/1 per listed image, as many as the image list has. */
async function readConceptLabels(source: FileSource, concept: string, split: NusSplit, images: number): Promise<Int8Array> {
  const file = conceptLabelsPath(concept, split);
  const shown = displayPath(source.label, file);
  const values = lines(await source.readText(file));
  if (values.length !== images) throw new DataError(shown, `${values.length} labels for ${images} listed images`);
  const labels = new Int8Array(images);
  values.forEach((value, row) => {
    if (value !== '0' && value !== '1') throw new DataError(shown, `line ${row + 1}: '${value}' is not 0 or 1`);
    labels[row] = value === '1' ? 1 : 0;
  });
  return labels;
}

/** The listed paths (relative to Flickr/) that exist: one listing per folder the list names, not one check per image. */
async function presentImages(source: FileSource, listed: readonly string[]): Promise<Set<string>> {
  const folders = [...new Set(listed.map((path) => path.slice(0, Math.max(0, path.lastIndexOf('/')))))];
  const present = new Set<string>();
  await mapLimited(folders, 16, async (folder) => {
    for (const name of await source.listFiles(joinPath(IMAGES_ROOT, folder))) present.add(joinPath(folder, name));
  });
  return present;
}

/** A concept is its own name (NUS-WIDE's are words); a VOC folder token among them gets its natural name. */
const conceptClass = (concept: string): DatasetClass => ({ token: concept, name: naturalClassName(concept), promptName: naturalClassName(concept) });

const stem = (path: string): string => path.replace(/\.[^./]+$/, '');
