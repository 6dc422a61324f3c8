import { COCO_ANNOTATIONS_DIR, listCocoSplits } from '../coco/coco-layout';
import { DataError } from '../data-error';
import type { FileSource } from '../dataset-source';
import { findImages } from '../folder/load-folder-dataset';
import { CLASS_LIST_FILE, parseClassList } from '../folder/class-list';
import { CONCEPTS_FILE, imageListPath, LABELS_DIR, listNusSplits } from '../nus-wide/nus-wide-layout';
import { discoverClasses, IMAGE_SETS_DIR } from '../voc/image-sets';
import { indexImageFiles } from '../voc/voc-image-files';
import type { DatasetFormat } from './multi-label-dataset';

/**
 * What a folder holds, counted from file names and small list files only (never an annotation
 * parsed, never an image decoded): what the dataset panel says the moment a folder is chosen.
 */
export interface LayoutContents {
  /** Image files found; null when only a run can tell. */
  readonly images: number | null;
  /** Ground-truth files: VOC's Annotations/*.xml, COCO's instances files, NUS-WIDE's label files; null: none kept (a plain folder). */
  readonly annotations: number | null;
  /** How many classes, null when only a run reads them (COCO's categories live inside its instances JSON). */
  readonly classes: number | null;
  /** Where the classes come from, or why they cannot be read (a classes.txt that does not parse). */
  readonly classesFrom: string;
}

export function layoutContents(format: DatasetFormat, root: FileSource, splits: readonly string[]): Promise<LayoutContents> {
  switch (format) {
    case 'voc':
      return vocContents(root);
    case 'coco':
      return cocoContents(root, splits);
    case 'nus-wide':
      return nusContents(root);
    case 'folder':
      return folderContents(root);
  }
}

async function vocContents(root: FileSource): Promise<LayoutContents> {
  const [files, annotationNames, discovered] = await Promise.all([indexImageFiles(root), root.listFiles('Annotations'), discoverClasses(root)]);
  return {
    images: files.size,
    annotations: annotationNames.filter((name) => name.endsWith('.xml')).length,
    classes: discovered.classes.length,
    classesFrom: discovered.origin === 'image-sets' ? `the class files in ${IMAGE_SETS_DIR}` : `the VOC list: no class files in ${IMAGE_SETS_DIR}`,
  };
}

const IMAGE_FILE = /\.(jpe?g|png)$/i;

async function cocoContents(root: FileSource, splits: readonly string[]): Promise<LayoutContents> {
  const listed = await Promise.all(splits.map((split) => root.listFiles(split)));
  return {
    images: listed.reduce((sum, names) => sum + names.filter((name) => IMAGE_FILE.test(name)).length, 0),
    annotations: (await listCocoSplits(root)).length,
    classes: null,
    classesFrom: `the categories of ${COCO_ANNOTATIONS_DIR}/instances_<split>.json, read when the run starts`,
  };
}

/** Non-blank lines (NUS-WIDE's lists end lines with \r\n and pad some with spaces). */
const countLines = (text: string): number => text.split(/\r?\n/).filter((line) => line.trim() !== '').length;

async function nusContents(root: FileSource): Promise<LayoutContents> {
  // The split lists only (the release's ImageList/ also holds Imagelist.txt, every image of both).
  const listed = await Promise.all((await listNusSplits(root)).map(async (split) => countLines(await root.readText(imageListPath(split)))));
  const concepts = countLines(await root.readText(CONCEPTS_FILE));
  return {
    images: listed.reduce((sum, count) => sum + count, 0),
    annotations: (await root.listFiles(LABELS_DIR)).filter((name) => name.endsWith('.txt')).length,
    classes: concepts,
    classesFrom: CONCEPTS_FILE,
  };
}

async function folderContents(root: FileSource): Promise<LayoutContents> {
  const images = (await findImages(root)).length;
  try {
    const classes = parseClassList(await root.readText(CLASS_LIST_FILE), CLASS_LIST_FILE);
    return { images, annotations: null, classes: classes.length, classesFrom: CLASS_LIST_FILE };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return { images, annotations: null, classes: null, classesFrom: error.message };
  }
}
