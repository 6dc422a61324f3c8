/** The 20 PASCAL VOC classes in sorted order: the column order of every label and cache matrix. */
export const VOC_CLASSES = [
  'aeroplane',
  'bicycle',
  'bird',
  'boat',
  'bottle',
  'bus',
  'car',
  'cat',
  'chair',
  'cow',
  'diningtable',
  'dog',
  'horse',
  'motorbike',
  'person',
  'pottedplant',
  'sheep',
  'sofa',
  'train',
  'tvmonitor',
] as const;

export type VocClass = (typeof VOC_CLASSES)[number];

/**
 * VOC folder tokens that are not words (spec §1): prompts read better with the natural name.
 * A Map, not an object literal, so names like "constructor" cannot hit Object.prototype.
 */
const NATURAL_NAMES: ReadonlyMap<string, string> = new Map([
  ['diningtable', 'dining table'],
  ['pottedplant', 'potted plant'],
  ['tvmonitor', 'tv monitor'],
]);

export function isVocClass(name: string): name is VocClass {
  return (VOC_CLASSES as readonly string[]).includes(name);
}

/** The name to put in a prompt for a class folder token; unknown tokens are returned unchanged. */
export function naturalClassName(className: string): string {
  return NATURAL_NAMES.get(className) ?? className;
}

/** Natural names for a list of classes, in the same order (the default, editable prompt names). */
export function naturalClassNames(classes: readonly string[]): string[] {
  return classes.map(naturalClassName);
}
