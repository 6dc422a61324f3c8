import type { FileSource } from '../dataset-source';

/**
 * The COCO 2014 / 2017 layout: `annotations/instances_<split>.json` beside the split's image folder
 * `<split>/` (train2014/, val2017/, …).
 */
export const COCO_ANNOTATIONS_DIR = 'annotations';

const INSTANCES = /^instances_(.+)\.json$/;

export const instancesPath = (split: string): string => `${COCO_ANNOTATIONS_DIR}/instances_${split}.json`;

/** The splits whose instances file the folder holds, sorted. */
export async function listCocoSplits(source: FileSource): Promise<string[]> {
  const names = await source.listFiles(COCO_ANNOTATIONS_DIR);
  return names.flatMap((name) => INSTANCES.exec(name)?.[1] ?? []).sort();
}

/** Whether a folder is a COCO root: it has at least one instances file. */
export async function isCocoRoot(source: FileSource): Promise<boolean> {
  return (await listCocoSplits(source)).length > 0;
}
