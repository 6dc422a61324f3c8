// The VOC reader's public API: import from 'core/voc' rather than from its files.
export { VOC_CLASSES, isVocClass, naturalClassName, naturalClassNames } from './voc-classes';
export type { VocClass } from './voc-classes';
export { parseAnnotationXml } from './annotation-xml';
export type { ImageSize, VocAnnotation, VocObject } from './annotation-xml';
export {
  IMAGE_SETS_DIR,
  classFilePath,
  discoverClasses,
  listSplits,
  parseClassLabels,
  parseSplitList,
  readClassLabels,
  readSplitList,
  splitFilePath,
} from './image-sets';
export type { DiscoveredClasses } from './image-sets';
export { classLookup, labelsFromObjects } from './voc-labels';
export type { ClassLookup, ObjectLabels } from './voc-labels';
export {
  ANNOTATIONS_DIR,
  DEFAULT_CONCURRENCY,
  annotationPath,
  loadVocDataset,
} from './voc-dataset';
export type { LabelSourceMode, LoadVocOptions, VocDataset, VocImage } from './voc-dataset';
export { summarizeDataset } from './voc-summary';
export type { DatasetSummary, SummarizableDataset } from './voc-summary';

/** The split name shown when images were listed from Annotations/ rather than a split file. */
export const ALL_IMAGES = '(all annotated images)';
