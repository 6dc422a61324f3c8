import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../cli/node-file-source';
import { DataError } from '../data-error';
import { VOC_CLASSES } from './voc-classes';
import { loadVocDataset } from './voc-dataset';
import { labelsFromObjects } from './voc-labels';

const VOC_MINI = fileURLToPath(new URL('../../../e2e/fixtures/voc-mini/Annotations', import.meta.url));
/** person | dog + chair | 3 bicycles + 3 persons, 3 of them difficult. */
const IDS = ['2007_000027', '2007_000063', '2007_000129'] as const;

const roots: string[] = [];

/** A VOC root with copies of a few voc-mini annotations plus `files` (path → text). */
async function vocDir(files: Record<string, string> = {}, ids: readonly string[] = IDS): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'cdul-voc-'));
  roots.push(root);
  await mkdir(path.join(root, 'Annotations'));
  for (const id of ids) {
    await copyFile(path.join(VOC_MINI, `${id}.xml`), path.join(root, 'Annotations', `${id}.xml`));
  }
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

const original = (id: string): Promise<string> => readFile(path.join(VOC_MINI, `${id}.xml`), 'utf8');

/** One line per image for every VOC class: `present` classes 1, the rest -1. */
const classFiles = (split: string, rows: Record<string, string[]>): Record<string, string> =>
  Object.fromEntries(
    VOC_CLASSES.map((name) => [
      `ImageSets/Main/${name}_${split}.txt`,
      Object.entries(rows)
        .map(([id, present]) => `${id} ${present.includes(name) ? ' 1' : '-1'}`)
        .join('\n'),
    ]),
  );

afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

describe('loadVocDataset with bad input', () => {
  it('skips an image with malformed XML, names it, and loads the others', async () => {
    const broken = (await original('2007_000063')).replace('</object>', '');
    const root = await vocDir({ 'Annotations/2007_000063.xml': broken });
    const ds = await loadVocDataset(createNodeFileSource(root));
    expect(ds.ids).toEqual(['2007_000027', '2007_000129']);
    expect(ds.labels.rows).toBe(2);
    expect(ds.skipped).toHaveLength(1);
    expect(ds.skipped[0]?.id).toBe('2007_000063');
    expect(ds.skipped[0]?.reason).toMatch(
      /^Annotations\/2007_000063\.xml: malformed XML at line \d+, column \d+: Expected closing tag 'object'/,
    );
  });

  it('warns about an unknown class name, ignores that object and keeps the image', async () => {
    const renamed = (await original('2007_000063')).replace('<name>dog</name>', '<name> Unicorn </name>');
    const root = await vocDir({ 'Annotations/2007_000063.xml': renamed });
    const ds = await loadVocDataset(createNodeFileSource(root));
    expect(ds.ids).toEqual(IDS);
    expect(ds.warnings).toEqual([
      'no ImageSets/Main: images listed from Annotations/ (3 files)',
      "Annotations/2007_000063.xml: unknown class 'Unicorn', object ignored",
    ]);
    expect(ds.images[1]?.objects).toEqual([{ name: 'chair', difficult: false }]);
    const row = Array.from(ds.labels.data.subarray(20, 40));
    expect(row[VOC_CLASSES.indexOf('chair')]).toBe(1);
    expect(row.filter((value) => value === 1)).toHaveLength(1);
    expect(ds.objects).toBe(1 + 1 + 6);
    expect(ds.difficultObjects).toBe(3);
  });

  it('skips a split entry with no annotation file, naming the missing file', async () => {
    const root = await vocDir({ 'ImageSets/Main/train.txt': `${IDS.join('\n')}\n2007_999999\n` });
    const ds = await loadVocDataset(createNodeFileSource(root), { split: 'train' });
    expect(ds.ids).toEqual(IDS);
    expect(ds.skipped).toEqual([
      {
        id: '2007_999999',
        reason:
          'Annotations/2007_999999.xml not found; no class-file labels (ImageSets/Main/aeroplane_train.txt not found)',
      },
    ]);
    const strict = await loadVocDataset(createNodeFileSource(root), { labelsFrom: 'annotations' });
    expect(strict.skipped[0]?.reason).toBe('Annotations/2007_999999.xml not found');
  });

  it('labels an image without annotation from the class files in auto mode', async () => {
    const root = await vocDir({
      'ImageSets/Main/train.txt': `${IDS[0]}\nextra_001\n`,
      ...classFiles('train', { [IDS[0]]: ['person'], extra_001: ['cat', 'sofa'] }),
    });
    const ds = await loadVocDataset(createNodeFileSource(root), { split: 'train' });
    expect(ds.ids).toEqual([IDS[0], 'extra_001']);
    expect(ds.images.map((image) => image.labelSource)).toEqual(['annotations', 'class-files']);
    expect(ds.warnings).toEqual(['images without an annotation file, labelled from class files: 1']);
    const positives = (row: number) =>
      VOC_CLASSES.filter((_, col) => ds.labels.data[row * 20 + col] === 1);
    expect(positives(0)).toEqual(['person']);
    expect(positives(1)).toEqual(['cat', 'sofa']);
  });

  it('skips an image that a class file does not list', async () => {
    const files = classFiles('train', { [IDS[0]]: ['person'], [IDS[1]]: ['dog', 'chair'] });
    files['ImageSets/Main/sofa_train.txt'] = `${IDS[0]} -1\n`;
    const root = await vocDir({ ...files, 'ImageSets/Main/train.txt': `${IDS[0]}\n${IDS[1]}\n` });
    const ds = await loadVocDataset(createNodeFileSource(root), { labelsFrom: 'class-files' });
    expect(ds.ids).toEqual([IDS[0]]);
    expect(ds.skipped).toEqual([
      { id: IDS[1], reason: 'not listed in ImageSets/Main/sofa_train.txt' },
    ]);
  });

  it('rejects an empty split', async () => {
    const root = await vocDir({ 'ImageSets/Main/val.txt': '\n  \n' });
    const failure = loadVocDataset(createNodeFileSource(root), { split: 'val' });
    await expect(failure).rejects.toBeInstanceOf(DataError);
    await expect(failure).rejects.toThrow("ImageSets/Main/val.txt: split 'val' lists no images");
  });

  it('rejects a missing split, listing the available ones', async () => {
    const root = await vocDir({ 'ImageSets/Main/train.txt': `${IDS[0]}\n`, 'ImageSets/Main/val.txt': `${IDS[1]}\n` });
    await expect(loadVocDataset(createNodeFileSource(root), { split: 'test' })).rejects.toThrow(
      "ImageSets/Main/test.txt: split 'test' not found (available splits: train, val)",
    );
    const all = await loadVocDataset(createNodeFileSource(root));
    expect(all.split).toBeNull();
    expect(all.warnings).toEqual([
      'no split chosen (available: train, val): images listed from Annotations/ (3 files)',
    ]);
  });

  it('rejects a <class>_<split>.txt with a bad line, naming file and line', async () => {
    const files = classFiles('train', { [IDS[0]]: ['person'], [IDS[1]]: ['dog', 'chair'] });
    files['ImageSets/Main/dog_train.txt'] = `${IDS[0]} -1\n${IDS[1]} yes\n`;
    const root = await vocDir({ ...files, 'ImageSets/Main/train.txt': `${IDS[0]}\n${IDS[1]}\n` });
    await expect(
      loadVocDataset(createNodeFileSource(root), { labelsFrom: 'class-files' }),
    ).rejects.toThrow(`ImageSets/Main/dog_train.txt: line 2: expected "<image id> 1|-1|0", got "${IDS[1]} yes"`);
  });

  it('rejects class-file labels without a split or with class files missing', async () => {
    const bare = await vocDir();
    await expect(loadVocDataset(createNodeFileSource(bare), { labelsFrom: 'class-files' })).rejects.toThrow(
      'ImageSets/Main: labels from class files need a split',
    );
    const partial = await vocDir({
      'ImageSets/Main/val.txt': `${IDS[0]}\n`,
      'ImageSets/Main/cat_train.txt': `${IDS[1]} -1\n`,
      'ImageSets/Main/dog_train.txt': `${IDS[1]} 1\n`,
      'ImageSets/Main/dog_val.txt': `${IDS[0]} -1\n`,
    });
    const source = createNodeFileSource(partial);
    await expect(loadVocDataset(source, { split: 'val', labelsFrom: 'class-files' })).rejects.toThrow(
      'ImageSets/Main/cat_val.txt: file not found (1 class files missing)',
    );
  });

  it('rejects a folder with neither annotations nor a split', async () => {
    const root = await vocDir({}, []);
    await expect(loadVocDataset(createNodeFileSource(root))).rejects.toThrow(/^Annotations: no \.xml files/);
  });
});

describe('labelsFromObjects', () => {
  it('matches names ignoring case and reports unknown ones once', () => {
    const objects = [
      { name: 'Dog', difficult: true },
      { name: 'dog', difficult: false },
      { name: 'cat', difficult: true },
      { name: 'yak', difficult: false },
      { name: 'yak', difficult: true },
    ];
    const result = labelsFromObjects(objects, ['cat', 'dog', 'emu']);
    expect(Array.from(result.row)).toEqual([0, 1, -1]);
    expect(result.known.map((object) => object.name)).toEqual(['dog', 'dog', 'cat']);
    expect(result.unknownNames).toEqual(['yak']);
  });
});
