import { DataError, type SkippedItem } from '../data-error';
import type { DatasetClass, MultiLabelDataset } from '../datasets/multi-label-dataset';
import { displayPath } from '../datasets/source-paths';
import type { FileSource } from '../dataset-source';
import { asImageId } from '../types';
import { parseCocoInstances, type CocoInstances } from './coco-instances';
import { COCO_ANNOTATIONS_DIR, instancesPath, listCocoSplits } from './coco-layout';

export interface LoadCocoOptions {
  /** e.g. 'val2017'; omitted: the folder's only split. */
  readonly split?: string;
  /**
   * Crowd annotations (`iscrowd: 1`) count as positive, as the multi-label literature does
   * (default), or are ignored.
   */
  readonly crowd?: 'positive' | 'ignore';
  /** What the loader is doing: the instances file can be hundreds of MB (train2014: 330 MB). */
  readonly onStage?: (stage: string) => void;
}

/**
 * A COCO split as a multi-label dataset: the categories in id order are the classes, an image is
 * positive for every category it has an instance of, an image without instances is kept and negative
 * for all. An image the file lists but the folder lacks is skipped and named; annotations naming an
 * unknown image or category are left out with a warning.
 */
export async function loadCocoDataset(source: FileSource, options: LoadCocoOptions = {}): Promise<MultiLabelDataset> {
  const splits = await listCocoSplits(source);
  const split = chooseSplit(splits, options.split, source.label);
  const file = instancesPath(split);
  options.onStage?.(`Reading ${file}…`);
  const text = await source.readText(file);
  options.onStage?.(`Parsing ${file} (${(text.length / 1e6).toFixed(0)} MB)…`);
  const instances = parseCocoInstances(text, displayPath(source.label, file));
  options.onStage?.('Labelling the images…');
  const present = new Set(await source.listFiles(split));
  return cocoDataset(source.label, split, splits, instances, present, options.crowd ?? 'positive');
}

function chooseSplit(splits: readonly string[], asked: string | undefined, label: string): string {
  if (asked !== undefined) {
    if (!splits.includes(asked)) throw new DataError(displayPath(label, instancesPath(asked)), `split '${asked}' not found (available: ${splits.join(', ') || 'none'})`);
    return asked;
  }
  const [only] = splits;
  const folder = displayPath(label, COCO_ANNOTATIONS_DIR);
  if (only === undefined) throw new DataError(folder, 'no instances_<split>.json file: not a COCO folder');
  if (splits.length > 1) throw new DataError(folder, `several splits (${splits.join(', ')}): choose one`);
  return only;
}

/** The dataset from a parsed instances file and the names of the files in the split's image folder. */
export function cocoDataset(
  root: string,
  split: string,
  splits: readonly string[],
  instances: CocoInstances,
  present: ReadonlySet<string>,
  crowd: 'positive' | 'ignore',
): MultiLabelDataset {
  const warnings = [...instances.warnings];
  const file = displayPath(root, instancesPath(split));
  const classes = cocoClasses(instances.categories, file, warnings);
  if (instances.images.length === 0) throw new DataError(file, 'lists no images');
  const column = new Map(instances.categories.map((category, c) => [category.id, c]));
  const { kept, skipped, duplicates } = keptImages(instances.images, present, split);
  if (kept.length === 0) throw new DataError(displayPath(root, split), `none of the ${skipped.length} images listed in ${instancesPath(split)} is in this folder`);
  if (skipped.length > 0) warnings.push(`${skipped.length} of ${kept.length + skipped.length} listed images are not in ${split}/: skipped`);
  if (duplicates > 0) warnings.push(`${instancesPath(split)}: ${duplicates} image ids listed twice, the first kept`);
  const cols = classes.length;
  const { data, annotated, objects, crowdAnnotations, unknownImages, unknownCategories } = labelImages(instances, kept, column, cols, crowd);
  if (unknownImages.size > 0) warnings.push(`${instancesPath(split)}: annotations name ${unknownImages.size} image id(s) not in its images (e.g. ${[...unknownImages][0]}), left out`);
  if (unknownCategories.size > 0) warnings.push(`${instancesPath(split)}: annotations name unknown category id(s) ${[...unknownCategories].slice(0, 5).join(', ')}, left out`);
  const unannotatedImages = annotated.reduce((n, value) => n + (value === 0 ? 1 : 0), 0);
  if (unannotatedImages > 0) warnings.push(`${unannotatedImages} image(s) without any annotation: kept, negative for every class`);
  return {
    format: 'coco',
    root,
    split,
    splits,
    ids: kept.map((image) => asImageId(stem(image.fileName))),
    imagePaths: kept.map((image) => `${split}/${image.fileName}`),
    classes,
    labels: { rows: kept.length, cols, data },
    facts: { objects, difficultObjects: 0, unannotatedImages, crowdAnnotations, missingImages: skipped.length },
    skipped,
    warnings,
  };
}

/**
 * The label matrix from the annotations: an image is positive for each category it has an instance of
 * (a crowd one too unless `crowd` is 'ignore'). Annotations naming an image id the file does not list,
 * or an unknown category, are collected for the warnings.
 */
function labelImages(instances: CocoInstances, kept: readonly { id: number }[], column: ReadonlyMap<number, number>, cols: number, crowd: 'positive' | 'ignore') {
  const row = new Map(kept.map((image, r) => [image.id, r]));
  const listed = new Set(instances.images.map((image) => image.id));
  const data = new Int8Array(kept.length * cols).fill(-1);
  const annotated = new Uint8Array(kept.length);
  const unknownImages = new Set<number>();
  const unknownCategories = new Set<number>();
  let objects = 0;
  let crowdAnnotations = 0;
  for (const annotation of instances.annotations) {
    const c = column.get(annotation.categoryId);
    if (c === undefined) unknownCategories.add(annotation.categoryId);
    const r = row.get(annotation.imageId);
    // An image skipped for its missing file is not an unknown image: its annotations just go with it.
    if (r === undefined && !listed.has(annotation.imageId)) unknownImages.add(annotation.imageId);
    if (r === undefined || c === undefined) continue;
    // Counted over the loaded images, as objects are, whether or not they count as positive.
    if (annotation.crowd) crowdAnnotations++;
    if (annotation.crowd && crowd === 'ignore') continue;
    data[r * cols + c] = 1;
    annotated[r] = 1;
    objects++;
  }
  return { data, annotated, objects, crowdAnnotations, unknownImages, unknownCategories };
}

function cocoClasses(categories: CocoInstances['categories'], file: string, warnings: string[]): DatasetClass[] {
  if (categories.length === 0) throw new DataError(file, 'no categories: no classes to label');
  const seen = new Set<string>();
  return categories.map(({ id, name }) => {
    let token = name;
    if (seen.has(token)) {
      token = `${name} (${id})`;
      warnings.push(`category name '${name}' used twice: id ${id} is called '${token}'`);
    }
    seen.add(token);
    return { token, name: token, promptName: name };
  });
}

function keptImages(images: CocoInstances['images'], present: ReadonlySet<string>, split: string) {
  const seen = new Set<number>();
  const kept: { id: number; fileName: string }[] = [];
  const skipped: SkippedItem[] = [];
  let duplicates = 0;
  for (const image of images) {
    if (seen.has(image.id)) {
      duplicates++;
      continue;
    }
    seen.add(image.id);
    if (present.has(image.fileName)) kept.push(image);
    else skipped.push({ id: stem(image.fileName), reason: `${split}/${image.fileName}: image file not found (listed in ${instancesPath(split)})` });
  }
  return { kept, skipped, duplicates };
}

const stem = (fileName: string): string => fileName.replace(/\.[^./]+$/, '');
