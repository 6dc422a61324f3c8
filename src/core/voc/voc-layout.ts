import type { MultiLabelDataset } from '../datasets/multi-label-dataset';
import type { FileSource } from '../dataset-source';
import { indexImageFiles, IMAGES_DIR } from './voc-image-files';
import { listSplits } from './image-sets';
import { naturalClassName } from './voc-classes';
import { loadVocDataset, type LoadVocOptions } from './voc-dataset';

/** Whether a folder is a VOC root: it has Annotations/ or JPEGImages/ (a split may lack one of them). */
export async function isVocRoot(source: FileSource): Promise<boolean> {
  const dirs = await source.listDirs('');
  return dirs.includes('Annotations') || dirs.includes(IMAGES_DIR);
}

/**
 * A VOC 2007 / 2012 folder as a multi-label dataset (the VOC reader's result, spec §3–4): classes
 * with their natural names (diningtable → "dining table"), the difficult-only label 0 kept.
 */
export async function loadVocLayout(source: FileSource, options: LoadVocOptions = {}): Promise<MultiLabelDataset> {
  const [voc, splits, files] = await Promise.all([loadVocDataset(source, options), listSplits(source), indexImageFiles(source)]);
  return {
    format: 'voc',
    root: voc.root,
    split: voc.split,
    splits,
    ids: voc.ids,
    // An image without its file keeps the path VOC names it by: reading it says the file is missing.
    imagePaths: voc.ids.map((id) => files.get(id) ?? `${IMAGES_DIR}/${id}.jpg`),
    classes: voc.classes.map((token) => ({ token, name: naturalClassName(token), promptName: naturalClassName(token) })),
    labels: voc.labels,
    facts: { objects: voc.objects, difficultObjects: voc.difficultObjects, unannotatedImages: 0, crowdAnnotations: 0, missingImages: 0 },
    skipped: voc.skipped,
    warnings: voc.warnings,
  };
}
