import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Broken copies of the layouts `voc-layouts.ts` writes, one bad input each, for the tests that check
 * the message names the file and the problem and the rest goes on. Each takes the good copy's folder
 * and a new folder, copies the one into the other and breaks the copy.
 */
const INSTANCES = join('annotations', 'instances_val2017.json');

type Instances = { images: { id: number; file_name: string }[]; annotations: Record<string, unknown>[]; categories: { id: number; name: string }[] };

function copy(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  return to;
}

function editInstances(root: string, edit: (instances: Instances) => void): void {
  const file = join(root, INSTANCES);
  const instances = JSON.parse(readFileSync(file, 'utf8')) as Instances;
  edit(instances);
  writeFileSync(file, JSON.stringify(instances));
}

/** COCO: the instances file cut in the middle (a download that stopped). */
export function cocoTruncatedJson(coco: string, to: string): void {
  const file = join(copy(coco, to), INSTANCES);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.slice(0, Math.floor(text.length / 2)));
}

/** COCO: an annotation whose image id is not among the file's images (the image it names is missing). */
export function cocoAnnotationOfMissingImage(coco: string, to: string, imageId = 424242): void {
  editInstances(copy(coco, to), (instances) => instances.annotations.push({ id: 999_999, image_id: imageId, category_id: 1, iscrowd: 0, bbox: [0, 0, 1, 1], area: 1 }));
}

/** COCO: an image the file lists whose photo was deleted from `val2017/`; returns its file name. */
export function cocoImageFileGone(coco: string, to: string): string {
  const instances = JSON.parse(readFileSync(join(copy(coco, to), INSTANCES), 'utf8')) as Instances;
  const fileName = instances.images[0]!.file_name;
  rmSync(join(to, 'val2017', fileName));
  return fileName;
}

/** COCO: an annotation naming a category id the file does not define, on the first image. */
export function cocoUnknownCategory(coco: string, to: string, categoryId = 91): void {
  editInstances(copy(coco, to), (instances) => {
    instances.annotations.push({ id: 999_999, image_id: instances.images[0]!.id, category_id: categoryId, iscrowd: 0, bbox: [0, 0, 1, 1], area: 1 });
  });
}

/** A plain folder whose classes.txt holds only a comment and blank lines. */
export function folderEmptyClassList(folder: string, to: string): void {
  writeFileSync(join(copy(folder, to), 'classes.txt'), '# no classes yet\n\n');
}

/** A plain folder whose classes.txt names 'person' on lines 1 and 3. */
export function folderDuplicateClass(folder: string, to: string): void {
  writeFileSync(join(copy(folder, to), 'classes.txt'), 'person\ndog\nperson\ta person\n');
}

/** A plain folder with its class list but no photo (the photos' folder gone, a text file left). */
export function folderWithoutImages(folder: string, to: string): void {
  rmSync(join(copy(folder, to), 'photos'), { recursive: true });
  writeFileSync(join(to, 'notes.txt'), 'the photos are elsewhere\n');
}

/** NUS-WIDE: the image list names photos that are not in `Flickr/`; returns the removed ones' list entries. */
export function nusListedImagesGone(nus: string, to: string, count = 2): string[] {
  copy(nus, to);
  const listed = readFileSync(join(to, 'ImageList', 'TrainImagelist.txt'), 'utf8').split(/\r?\n/).filter((line) => line !== '');
  const gone = listed.slice(0, count).map((entry) => entry.replaceAll('\\', '/'));
  for (const entry of gone) rmSync(join(to, 'Flickr', entry));
  return gone;
}
