/**
 * PASCAL VOC's text files, written the way the VOC2007/2012 devkit distributions write them:
 * `Annotations/<id>.xml` (tab-indented, 1-based inclusive pixel boxes) and `ImageSets/Main/`
 * split lists and `<class>_<split>.txt` files (`fprintf('%s %2d\n')`: "id  1", "id -1", "id  0").
 */
import { VOC_CLASSES } from '../../src/core/voc/voc-classes';
import type { Rect } from './geometry';

export interface AnnotatedObject {
  readonly className: string;
  readonly box: Rect;
  readonly difficult: boolean;
  readonly truncated?: boolean;
  /** Written (VOC 2010+'s `<occluded>`) only when given, so the default demo's files stay as they were. */
  readonly occluded?: boolean;
}

export interface AnnotatedImage {
  readonly id: string;
  readonly split: string;
  readonly width: number;
  readonly height: number;
  readonly objects: readonly AnnotatedObject[];
}

export interface TextFile {
  /** '/'-separated, relative to the dataset root. */
  readonly path: string;
  readonly text: string;
}

export const DEMO_FOLDER = 'voc-demo';

export function annotationXml(image: AnnotatedImage, folder = DEMO_FOLDER): string {
  const lines = [
    '<annotation>',
    `\t<folder>${folder}</folder>`,
    `\t<filename>${image.id}.jpg</filename>`,
    '\t<source>',
    '\t\t<database>CDUL Lab synthetic demo</database>',
    '\t\t<annotation>generated</annotation>',
    '\t\t<image>generated</image>',
    '\t</source>',
    '\t<size>',
    `\t\t<width>${image.width}</width>`,
    `\t\t<height>${image.height}</height>`,
    '\t\t<depth>3</depth>',
    '\t</size>',
    '\t<segmented>0</segmented>',
    ...image.objects.flatMap(objectXml),
    '</annotation>',
  ];
  return `${lines.join('\n')}\n`;
}

/** VOC pixel coordinates start at 1 and include both ends: 0-based edges [x0, x1) → x0+1 … x1. */
export const vocBox = (box: Rect): { xmin: number; ymin: number; xmax: number; ymax: number } => ({
  xmin: box.x0 + 1,
  ymin: box.y0 + 1,
  xmax: box.x1,
  ymax: box.y1,
});

function objectXml(object: AnnotatedObject): string[] {
  const { xmin, ymin, xmax, ymax } = vocBox(object.box);
  return [
    '\t<object>',
    `\t\t<name>${object.className}</name>`,
    '\t\t<pose>Unspecified</pose>',
    `\t\t<truncated>${object.truncated === true ? 1 : 0}</truncated>`,
    ...(object.occluded === undefined ? [] : [`\t\t<occluded>${object.occluded ? 1 : 0}</occluded>`]),
    `\t\t<difficult>${object.difficult ? 1 : 0}</difficult>`,
    '\t\t<bndbox>',
    `\t\t\t<xmin>${xmin}</xmin>`,
    `\t\t\t<ymin>${ymin}</ymin>`,
    `\t\t\t<xmax>${xmax}</xmax>`,
    `\t\t\t<ymax>${ymax}</ymax>`,
    '\t\t</bndbox>',
    '\t</object>',
  ];
}

/** VOC's classification label: 1 a non-difficult object of the class, 0 only difficult ones, -1 none. */
export function classLabel(image: AnnotatedImage, className: string): 1 | 0 | -1 {
  const ofClass = image.objects.filter((object) => object.className === className);
  if (ofClass.some((object) => !object.difficult)) return 1;
  return ofClass.length > 0 ? 0 : -1;
}

/** `%s %2d`: a space, then the label right-aligned in two columns. */
export const classFileLine = (id: string, label: number): string =>
  `${id} ${String(label).padStart(2, ' ')}`;

/** VOC's three lists: each split, and trainval = their union. */
export const VOC_SPLIT_LISTS: Readonly<Record<string, readonly string[]>> = {
  train: ['train'],
  val: ['val'],
  trainval: ['train', 'val'],
};

/**
 * `ImageSets/Main`: for each list (a name and the splits it gathers), the id list and one label file
 * per class. Ids are listed in sorted order, as in VOC.
 */
export function imageSetFiles(
  images: readonly AnnotatedImage[],
  lists: Readonly<Record<string, readonly string[]>> = VOC_SPLIT_LISTS,
  classes: readonly string[] = VOC_CLASSES,
): TextFile[] {
  const sorted = [...images].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return Object.entries(lists).flatMap(([list, splits]) => {
    const members = sorted.filter((image) => splits.includes(image.split));
    return [
      { path: `ImageSets/Main/${list}.txt`, text: linesOf(members.map((image) => image.id)) },
      ...classes.map((className) => ({
        path: `ImageSets/Main/${className}_${list}.txt`,
        text: linesOf(members.map((image) => classFileLine(image.id, classLabel(image, className)))),
      })),
    ];
  });
}

const linesOf = (lines: readonly string[]): string => lines.map((line) => `${line}\n`).join('');
