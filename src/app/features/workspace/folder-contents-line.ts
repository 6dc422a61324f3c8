import type { LayoutFacts } from '../../../core/datasets/layout-splits';

const ANNOTATIONS: Readonly<Record<LayoutFacts['format'], string>> = {
  voc: 'annotation files (Annotations/*.xml)',
  coco: 'instances files',
  'nus-wide': 'label files',
  folder: '',
};

/** What the chosen folder holds, in one sentence: images, annotations, classes, and a VOC folder without split files. */
export function contentsLine({ format, splits, contents }: LayoutFacts): string {
  const parts = [
    contents.images !== null ? `${contents.images} images` : null,
    contents.annotations !== null ? `${contents.annotations} ${ANNOTATIONS[format]}` : 'no annotations (no ground truth)',
    contents.classes !== null ? `${contents.classes} classes (${contents.classesFrom})` : `classes: ${contents.classesFrom}`,
    format === 'voc' && splits.length === 0 ? 'no split files in ImageSets/Main, so every annotated image is read' : null,
  ];
  return `In it: ${parts.filter((part) => part !== null).join(', ')}.`;
}
