import { DataError, type SkippedItem } from '../data-error';
import { joinPath, type FileSource } from '../dataset-source';
import { mapLimited } from '../map-limited';
import type { DifficultPolicy, ImageId, LabelMatrix } from '../types';
import { parseAnnotationXml, type ImageSize, type VocObject } from './annotation-xml';
import { discoverClasses, IMAGE_SETS_DIR } from './image-sets';
import { listVocImages, type ImageListing } from './voc-image-list';
import {
  classFileRow,
  classLookup,
  labelsFromObjects,
  loadClassFileTable,
  missingClassFiles,
  packLabelRows,
  type ClassFileTable,
  type ClassLookup,
} from './voc-labels';

export const ANNOTATIONS_DIR = 'Annotations';
export const DEFAULT_CONCURRENCY = 64;

/** Where image-level labels come from; 'auto' uses the annotation when the image has one. */
export type LabelSourceMode = 'annotations' | 'class-files' | 'auto';

export interface LoadVocOptions {
  /** `ImageSets/Main/<split>.txt`. Omitted: the only split if there is one, else Annotations/. */
  readonly split?: string;
  /** Recorded in the result as the default for summaries and evaluation; labels always keep 0. */
  readonly difficult?: DifficultPolicy;
  readonly labelsFrom?: LabelSourceMode;
  /** Files read at the same time (default 64). */
  readonly concurrency?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface VocImage {
  readonly id: ImageId;
  readonly labelSource: 'annotations' | 'class-files';
  /** From the annotation; null when labelled from class files or the XML has no usable size. */
  readonly size: ImageSize | null;
  /** Objects of known classes (unknown ones are dropped with a warning); [] from class files. */
  readonly objects: readonly VocObject[];
}

export interface VocDataset {
  /** The source's label (e.g. the folder path). */
  readonly root: string;
  /** The split used, or null when the images were listed from Annotations/. */
  readonly split: string | null;
  /** The loaded images in split order (or sorted, from Annotations/); skipped ones are left out. */
  readonly ids: readonly ImageId[];
  readonly classes: readonly string[];
  readonly classOrigin: 'image-sets' | 'voc-default';
  /** [ids, classes]: 1 positive, -1 negative, 0 difficult-only (policy applied at evaluation). */
  readonly labels: LabelMatrix;
  readonly difficult: DifficultPolicy;
  /** Objects of known classes over the loaded images, and how many of them are difficult. */
  readonly objects: number;
  readonly difficultObjects: number;
  /** Aligned with `ids`. */
  readonly images: readonly VocImage[];
  readonly skipped: readonly SkippedItem[];
  readonly warnings: readonly string[];
}

export const annotationPath = (id: string): string => joinPath(ANNOTATIONS_DIR, `${id}.xml`);

/**
 * Reads a VOC folder: the image list (spec §4), the classes, image-level ground truth (spec §3).
 * Throws DataError only when nothing sensible can be loaded (no such split, an unusable split file,
 * class files requested but unusable); a bad image is skipped and an odd object is a warning.
 */
export async function loadVocDataset(
  source: FileSource,
  options: LoadVocOptions = {},
): Promise<VocDataset> {
  const mode = options.labelsFrom ?? 'auto';
  const annotationFiles = new Set(await source.listFiles(ANNOTATIONS_DIR));
  const listing = await listVocImages(source, options.split, annotationFiles);
  const { classes, origin } = await discoverClasses(source, listing.split);
  const context: LabelContext = {
    source,
    mode,
    annotationFiles,
    classes,
    lookup: classLookup(classes),
    classFiles: await prepareClassFiles(source, mode, classes, listing, annotationFiles),
  };
  const outcomes = await labelAll(context, listing.ids, options);
  return {
    root: source.label,
    split: listing.split,
    classes,
    classOrigin: origin,
    difficult: options.difficult ?? 'positive',
    ...collect(outcomes, classes.length, [...listing.warnings]),
  };
}

/** Labels every image with bounded concurrency: VOC trainval alone is 11,540 XML files. */
async function labelAll(
  context: LabelContext,
  ids: readonly ImageId[],
  { concurrency = DEFAULT_CONCURRENCY, onProgress }: LoadVocOptions,
): Promise<ImageOutcome[]> {
  let done = 0;
  return mapLimited(ids, concurrency, async (id) => {
    const outcome = await labelImage(context, id);
    onProgress?.(++done, ids.length);
    return outcome;
  });
}

/** Class-file labels, or why there are none (used in the reason an image is skipped). */
type ClassFiles =
  | { readonly table: ClassFileTable }
  | { readonly table: null; readonly why: string };

interface LabelContext {
  readonly source: FileSource;
  readonly mode: LabelSourceMode;
  readonly annotationFiles: ReadonlySet<string>;
  readonly classes: readonly string[];
  readonly lookup: ClassLookup;
  readonly classFiles: ClassFiles;
}

async function prepareClassFiles(
  source: FileSource,
  mode: LabelSourceMode,
  classes: readonly string[],
  listing: ImageListing,
  annotationFiles: ReadonlySet<string>,
): Promise<ClassFiles> {
  const required = mode === 'class-files';
  const needed = required || listing.ids.some((id) => !annotationFiles.has(`${id}.xml`));
  if (mode === 'annotations' || !needed) return { table: null, why: '' };
  const split = listing.split;
  if (split === null) {
    if (required) throw new DataError(IMAGE_SETS_DIR, 'labels from class files need a split');
    return { table: null, why: 'no split to take class files from' };
  }
  const missing = await missingClassFiles(source, classes, split);
  const [first] = missing;
  if (first !== undefined) {
    if (required) {
      throw new DataError(first, `file not found (${missing.length} class files missing)`);
    }
    return { table: null, why: `no class-file labels (${first} not found)` };
  }
  return { table: await loadClassFileTable(source, classes, split) };
}

type ImageOutcome =
  | {
      readonly ok: true;
      readonly image: VocImage;
      readonly row: Int8Array;
      readonly warnings: string[];
    }
  | { readonly ok: false; readonly id: ImageId; readonly reason: string };

async function labelImage(context: LabelContext, id: ImageId): Promise<ImageOutcome> {
  const useAnnotation = context.mode !== 'class-files' && context.annotationFiles.has(`${id}.xml`);
  if (useAnnotation) return labelFromAnnotation(context, id);
  const { classFiles } = context;
  if (classFiles.table !== null) return labelFromClassFiles(classFiles.table, id);
  const why = classFiles.why === '' ? '' : `; ${classFiles.why}`;
  return { ok: false, id, reason: `${annotationPath(id)} not found${why}` };
}

async function labelFromAnnotation(context: LabelContext, id: ImageId): Promise<ImageOutcome> {
  const file = annotationPath(id);
  try {
    const annotation = parseAnnotationXml(await context.source.readText(file), file);
    const { classes, lookup } = context;
    const { row, known, unknownNames } = labelsFromObjects(annotation.objects, classes, lookup);
    const warnings = unknownNames.map((name) => `${file}: unknown class '${name}', object ignored`);
    const { size } = annotation;
    const image: VocImage = { id, labelSource: 'annotations', size, objects: known };
    return { ok: true, image, row, warnings };
  } catch (error) {
    // One unreadable or malformed file costs its image only; anything else is a bug to surface.
    if (error instanceof DataError) return { ok: false, id, reason: error.message };
    throw error;
  }
}

function labelFromClassFiles(table: ClassFileTable, id: ImageId): ImageOutcome {
  const result = classFileRow(table, id);
  if ('missingFrom' in result) {
    return { ok: false, id, reason: `not listed in ${result.missingFrom}` };
  }
  const image: VocImage = { id, labelSource: 'class-files', size: null, objects: [] };
  return { ok: true, image, row: result.row, warnings: [] };
}

type Collected = Pick<
  VocDataset,
  'ids' | 'labels' | 'objects' | 'difficultObjects' | 'images' | 'skipped' | 'warnings'
>;

/** Gathers per-image outcomes in list order, so warnings and skips are deterministic. */
function collect(outcomes: readonly ImageOutcome[], cols: number, warnings: string[]): Collected {
  const images: VocImage[] = [];
  const rows: Int8Array[] = [];
  const skipped: SkippedItem[] = [];
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      skipped.push({ id: outcome.id, reason: outcome.reason });
      continue;
    }
    images.push(outcome.image);
    rows.push(outcome.row);
    warnings.push(...outcome.warnings);
  }
  const fromClassFiles = images.filter((image) => image.labelSource === 'class-files').length;
  if (fromClassFiles > 0 && fromClassFiles < images.length) {
    warnings.push(`images without an annotation file, labelled from class files: ${fromClassFiles}`);
  }
  const objects = images.flatMap((image) => image.objects);
  return {
    ids: images.map((image) => image.id),
    labels: packLabelRows(rows, cols),
    objects: objects.length,
    difficultObjects: objects.filter((object) => object.difficult).length,
    images,
    skipped,
    warnings,
  };
}
