import { DataError } from '../data-error';
import { joinPath, type FileSource } from '../dataset-source';
import { asImageId, type ImageId, type LabelValue } from '../types';
import { VOC_CLASSES } from './voc-classes';

export const IMAGE_SETS_DIR = 'ImageSets/Main';

export const splitFilePath = (split: string): string => joinPath(IMAGE_SETS_DIR, `${split}.txt`);

export const classFilePath = (className: string, split: string): string =>
  joinPath(IMAGE_SETS_DIR, `${className}_${split}.txt`);

/** Non-blank lines with their 1-based line numbers, trimmed (also drops a BOM and '\r'). */
function contentLines(text: string): { line: number; text: string }[] {
  return text
    .split('\n')
    .map((raw, index) => ({ line: index + 1, text: raw.trim() }))
    .filter((entry) => entry.text.length > 0);
}

/**
 * The ids of `ImageSets/Main/<split>.txt`: one per line. Strict, because every later step trusts
 * this list: a line with several tokens (a class file given by mistake) or a repeated id is an
 * error.
 */
export function parseSplitList(text: string, file: string, split: string): ImageId[] {
  const seen = new Map<string, number>();
  for (const { line, text: id } of contentLines(text)) {
    if (/\s/.test(id)) {
      throw new DataError(file, `line ${line}: expected one image id, got "${id}"`);
    }
    const first = seen.get(id);
    if (first !== undefined) {
      throw new DataError(file, `line ${line}: image ${id} is already listed on line ${first}`);
    }
    seen.set(id, line);
  }
  if (seen.size === 0) throw new DataError(file, `split '${split}' lists no images`);
  return [...seen.keys()].map(asImageId);
}

export async function readSplitList(source: FileSource, split: string): Promise<ImageId[]> {
  const file = splitFilePath(split);
  return parseSplitList(await source.readText(file), file, split);
}

/** `<class>_<split>.txt`: lines `<id> 1|-1|0` (whitespace-separated), as id → label. */
export function parseClassLabels(text: string, file: string): Map<string, LabelValue> {
  const labels = new Map<string, LabelValue>();
  for (const { line, text: content } of contentLines(text)) {
    const [id, value, ...extra] = content.split(/\s+/);
    if (id === undefined || extra.length > 0 || !isLabelToken(value)) {
      throw new DataError(file, `line ${line}: expected "<image id> 1|-1|0", got "${content}"`);
    }
    if (labels.has(id)) throw new DataError(file, `line ${line}: image ${id} is listed twice`);
    labels.set(id, Number(value) as LabelValue);
  }
  return labels;
}

const isLabelToken = (token: string | undefined): token is '1' | '-1' | '0' =>
  token === '1' || token === '-1' || token === '0';

export async function readClassLabels(
  source: FileSource,
  className: string,
  split: string,
): Promise<Map<string, LabelValue>> {
  const file = classFilePath(className, split);
  return parseClassLabels(await source.readText(file), file);
}

export interface DiscoveredClasses {
  readonly classes: string[];
  /** Where the names came from: class files in ImageSets/Main, or the built-in VOC list. */
  readonly origin: 'image-sets' | 'voc-default';
}

/**
 * Spec §4: the sorted names of `*_train.txt` (so `train_train.txt` is the class "train" and
 * `train.txt` is no class). When there are none, `*_<split>.txt` for the split in use (a folder
 * holding only test files), else the 20 VOC classes. Plain code-unit sort, as Python's `sorted`.
 */
export async function discoverClasses(
  source: FileSource,
  split: string | null = null,
): Promise<DiscoveredClasses> {
  const files = await source.listFiles(IMAGE_SETS_DIR);
  for (const suffix of new Set(['train', split ?? 'train'])) {
    const classes = classesWithSuffix(files, suffix);
    if (classes.length > 0) return { classes, origin: 'image-sets' };
  }
  return { classes: [...VOC_CLASSES], origin: 'voc-default' };
}

function classesWithSuffix(files: readonly string[], split: string): string[] {
  const ending = `_${split}.txt`;
  return files
    .filter((name) => name.endsWith(ending) && name.length > ending.length)
    .map((name) => name.slice(0, -ending.length))
    .sort();
}

/** VOC's split names: `<class>_<split>.txt` for these is a class file even without `<split>.txt`. */
const VOC_SPLITS = ['train', 'val', 'trainval', 'test'];

/**
 * The split names available in ImageSets/Main: every `<name>.txt` that is not a class file.
 * `<stem>.txt` is a class file when stem = `<known class>_<split>` and that split exists (or is a
 * VOC split name): "train_train" is a class file, while "train_aug" (SBD's split) stays a split.
 */
export async function listSplits(source: FileSource): Promise<string[]> {
  const files = await source.listFiles(IMAGE_SETS_DIR);
  const { classes } = await discoverClasses(source);
  const known = new Set<string>([...classes, ...VOC_CLASSES]);
  const stems = files
    .filter((name) => name.endsWith('.txt') && name.length > '.txt'.length)
    .map((name) => name.slice(0, -'.txt'.length));
  const splitNames = new Set([...stems, ...VOC_SPLITS]);
  return stems.filter((stem) => !isClassFileStem(stem, known, splitNames)).sort();
}

function isClassFileStem(
  stem: string,
  classes: ReadonlySet<string>,
  splits: ReadonlySet<string>,
): boolean {
  for (let cut = stem.indexOf('_'); cut > 0; cut = stem.indexOf('_', cut + 1)) {
    if (classes.has(stem.slice(0, cut)) && splits.has(stem.slice(cut + 1))) return true;
  }
  return false;
}
