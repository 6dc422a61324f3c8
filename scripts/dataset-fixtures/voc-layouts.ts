import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createNodeFileSource } from '../../src/cli/node-file-source';
import { indexImageFiles } from '../../src/core/voc/voc-image-files';
import { loadVocDataset, naturalClassName, type VocDataset } from '../../src/core/voc';

/**
 * voc-mini's real photos and annotations rewritten in the other layouts the lab reads, for tests that
 * must get exactly the VOC labels (difficult counted positive) back: COCO 2017 instances, the NUS-WIDE
 * release layout, and a plain folder with a class list. Written into a folder of the caller's (a
 * temporary one in tests), so the repository holds the photos once.
 */
async function readVoc(vocRoot: string): Promise<{ voc: VocDataset; files: Map<string, string> }> {
  const source = createNodeFileSource(vocRoot);
  return { voc: await loadVocDataset(source), files: await indexImageFiles(source) };
}

function copyImage(vocRoot: string, from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join(vocRoot, from), to);
}

/** COCO: `annotations/instances_<split>.json` (categories 1…20 in VOC's class order, natural names) and `<split>/<id>.jpg`. */
export async function writeCocoCopy(vocRoot: string, outRoot: string, split = 'val2017'): Promise<void> {
  const { voc, files } = await readVoc(vocRoot);
  const categories = voc.classes.map((token, c) => ({ id: c + 1, name: naturalClassName(token), supercategory: 'voc' }));
  const categoryOf = new Map(voc.classes.map((token, c) => [token, c + 1]));
  const images = voc.ids.map((id, k) => ({ id: 1000 + k, file_name: `${id}.jpg`, width: voc.images[k]!.size?.width ?? 0, height: voc.images[k]!.size?.height ?? 0 }));
  let next = 1;
  const annotations = voc.images.flatMap((image, k) =>
    // A difficult object is an ordinary instance in COCO: the VOC labels with difficult counted positive.
    image.objects.map((object) => ({ id: next++, image_id: 1000 + k, category_id: categoryOf.get(object.name)!, iscrowd: 0, bbox: [0, 0, 1, 1], area: 1 })),
  );
  mkdirSync(join(outRoot, 'annotations'), { recursive: true });
  writeFileSync(join(outRoot, 'annotations', `instances_${split}.json`), JSON.stringify({ info: { description: 'voc-mini in COCO layout' }, images, annotations, categories }));
  for (const id of voc.ids) copyImage(vocRoot, files.get(id)!, join(outRoot, split, `${id}.jpg`));
}

/**
 * NUS-WIDE: `Concepts81.txt` (the 20 VOC tokens), `ImageList/TrainImagelist.txt` and `TestImagelist.txt`
 * (both list the same 100 photos as `voc\<id>.jpg`), a 0/1 label file per concept and split (difficult-
 * only counted as 1), the photos in `Flickr/voc/`.
 */
export async function writeNusWideCopy(vocRoot: string, outRoot: string): Promise<void> {
  const { voc, files } = await readVoc(vocRoot);
  const write = (path: string, lines: readonly string[]) => {
    mkdirSync(dirname(join(outRoot, path)), { recursive: true });
    writeFileSync(join(outRoot, path), `${lines.join('\r\n')}\r\n`);
  };
  write('Concepts81.txt', voc.classes);
  const cols = voc.classes.length;
  for (const split of ['Train', 'Test']) {
    write(`ImageList/${split}Imagelist.txt`, voc.ids.map((id) => `voc\\${id}.jpg`));
    voc.classes.forEach((token, c) => {
      const column = voc.ids.map((_, row) => (voc.labels.data[row * cols + c] === -1 ? '0' : '1'));
      write(`Groundtruth/TrainTestLabels/Labels_${token}_${split}.txt`, column);
    });
  }
  for (const id of voc.ids) copyImage(vocRoot, files.get(id)!, join(outRoot, 'Flickr', 'voc', `${id}.jpg`));
}

/** A plain folder: the photos in two levels of sub-folders by year, and a class list (`name<TAB>prompt name` for one). */
export async function writeFolderCopy(vocRoot: string, outRoot: string, classes: readonly string[] = ['person', 'dog', 'cat', 'car', 'diningtable']): Promise<void> {
  const { voc, files } = await readVoc(vocRoot);
  mkdirSync(outRoot, { recursive: true });
  writeFileSync(join(outRoot, 'classes.txt'), `${classes.map((token) => (token === naturalClassName(token) ? token : `${token}\t${naturalClassName(token)}`)).join('\n')}\n`);
  for (const id of voc.ids) copyImage(vocRoot, files.get(id)!, join(outRoot, 'photos', String(id).slice(0, 4), `${id}.jpg`));
}
