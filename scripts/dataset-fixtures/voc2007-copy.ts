import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VOC_CLASSES } from '../../src/core/voc/voc-classes';

/** The VOC 2007 splits of the copy: train + val = trainval, and a test split, as the 2007 release has. */
export const VOC2007_SPLITS = { train: [0, 30], val: [30, 60], trainval: [0, 60], test: [60, 100] } as const;
export type Voc2007Split = keyof typeof VOC2007_SPLITS;

/** voc-mini's ids in order, and each one's VOC 2007 style id (000001 …). */
export function voc2007Ids(vocRoot: string): { from: string; to: string }[] {
  const ids = readdirSync(join(vocRoot, 'Annotations'))
    .filter((name) => name.endsWith('.xml'))
    .map((name) => name.slice(0, -'.xml'.length))
    .sort();
  return ids.map((from, k) => ({ from, to: String(k + 1).padStart(6, '0') }));
}

/**
 * voc-mini as the VOC 2007 release unpacks: `VOCdevkit/VOC2007/` with the photos renamed to 6-digit ids,
 * their XML (difficult flags as they are), `ImageSets/Main/{train,val,trainval,test}.txt` and a class
 * file `<class>_<split>.txt` per class and split, written with 1 / -1 / 0 (difficult only) as the devkit
 * does: the class files are computed here from the XML by a regular expression, not by the lab's reader.
 */
export function writeVoc2007Copy(vocRoot: string, outRoot: string): string {
  const root = join(outRoot, 'VOCdevkit', 'VOC2007');
  for (const dir of ['Annotations', 'JPEGImages', 'ImageSets/Main']) mkdirSync(join(root, dir), { recursive: true });
  const ids = voc2007Ids(vocRoot);
  const labels = new Map<string, Map<string, 1 | 0>>();
  for (const { from, to } of ids) {
    const xml = readFileSync(join(vocRoot, 'Annotations', `${from}.xml`), 'utf8');
    writeFileSync(join(root, 'Annotations', `${to}.xml`), xml.replace(`${from}.jpg`, `${to}.jpg`).replace('<folder>VOC2012</folder>', '<folder>VOC2007</folder>'));
    copyFileSync(join(vocRoot, 'JPEGImages', `${from}.jpg`), join(root, 'JPEGImages', `${to}.jpg`));
    labels.set(to, imageLabels(xml));
  }
  for (const [split, [start, end]] of Object.entries(VOC2007_SPLITS)) {
    const inSplit = ids.slice(start, end).map(({ to }) => to);
    writeFileSync(join(root, 'ImageSets/Main', `${split}.txt`), `${inSplit.join('\n')}\n`);
    for (const name of VOC_CLASSES) {
      const lines = inSplit.map((id) => {
        const label = labels.get(id)!.get(name);
        return `${id} ${label === 1 ? ' 1' : label === 0 ? ' 0' : '-1'}`;
      });
      writeFileSync(join(root, 'ImageSets/Main', `${name}_${split}.txt`), `${lines.join('\n')}\n`);
    }
  }
  return root;
}

/** Class → 1 (a non-difficult object) or 0 (difficult objects only), from an annotation's text. */
export function imageLabels(xml: string): Map<string, 1 | 0> {
  const labels = new Map<string, 1 | 0>();
  for (const [, body = ''] of xml.matchAll(/<object>([\s\S]*?)<\/object>/g)) {
    const name = /<name>\s*([^<]*?)\s*<\/name>/.exec(body)?.[1] ?? '';
    const difficult = /<difficult>\s*1\s*<\/difficult>/.test(body);
    if (!difficult) labels.set(name, 1);
    else if (!labels.has(name)) labels.set(name, 0);
  }
  return labels;
}

/** Objects and difficult objects in an annotation's text. */
export function objectCounts(xml: string): { objects: number; difficult: number } {
  const bodies = [...xml.matchAll(/<object>([\s\S]*?)<\/object>/g)].map((match) => match[1] ?? '');
  return { objects: bodies.length, difficult: bodies.filter((body) => /<difficult>\s*1\s*<\/difficult>/.test(body)).length };
}
