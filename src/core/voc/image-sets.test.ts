import { describe, expect, it } from 'vitest';
import { DataError } from '../data-error';
import type { FileSource } from '../dataset-source';
import {
  discoverClasses,
  listSplits,
  parseClassLabels,
  parseSplitList,
  readClassLabels,
  readSplitList,
} from './image-sets';
import { VOC_CLASSES } from './voc-classes';

/** Enough of a FileSource for listing and reading text. */
function memorySource(files: Record<string, string>): FileSource {
  const names = (dir: string) =>
    Object.keys(files)
      .filter((file) => file.startsWith(`${dir}/`) && !file.slice(dir.length + 1).includes('/'))
      .map((file) => file.slice(dir.length + 1))
      .sort();
  const readText = async (file: string) => {
    const text = files[file];
    if (text === undefined) throw new DataError(file, 'file not found');
    return text;
  };
  return {
    label: 'memory',
    listFiles: async (dir) => names(dir),
    listDirs: async () => [],
    exists: async (file) => file in files,
    readText,
    readBytes: async (file) => new TextEncoder().encode(await readText(file)),
  };
}

const MAIN = 'ImageSets/Main';

describe('split lists', () => {
  it('trims lines, ignores blank lines and keeps order', () => {
    const ids = parseSplitList('\uFEFF2008_000002\r\n\n  2008_000001  \n\n', 'f.txt', 'train');
    expect(ids).toEqual(['2008_000002', '2008_000001']);
  });

  it('rejects an empty split', () => {
    expect(() => parseSplitList(' \n\n', `${MAIN}/val.txt`, 'val')).toThrow(
      `${MAIN}/val.txt: split 'val' lists no images`,
    );
  });

  it('rejects a line with several tokens and a repeated id, naming the line', () => {
    expect(() => parseSplitList('a\nb  1\n', 'f.txt', 's')).toThrow(
      'f.txt: line 2: expected one image id, got "b  1"',
    );
    expect(() => parseSplitList('a\nb\na\n', 'f.txt', 's')).toThrow(/line 3: image a is already listed on line 1/);
  });

  it('reads ImageSets/Main/<split>.txt through a FileSource', async () => {
    const source = memorySource({ [`${MAIN}/val.txt`]: 'x\ny\n' });
    expect(await readSplitList(source, 'val')).toEqual(['x', 'y']);
  });
});

describe('class label files', () => {
  it('reads "<id> 1|-1|0" with any whitespace', () => {
    const labels = parseClassLabels('a  1\nb -1\n\n c\t0 \n', 'dog_train.txt');
    expect([...labels]).toEqual([
      ['a', 1],
      ['b', -1],
      ['c', 0],
    ]);
  });

  it.each([
    ['a 2', 'a 2'],
    ['a', 'a'],
    ['a 1 1', 'a 1 1'],
    ['a one', 'a one'],
  ])('rejects the bad line "%s" with file and line number', (line, shown) => {
    expect(() => parseClassLabels(`x 1\n\n${line}\n`, 'dog_train.txt')).toThrow(
      `dog_train.txt: line 3: expected "<image id> 1|-1|0", got "${shown}"`,
    );
  });

  it('rejects an image listed twice', () => {
    expect(() => parseClassLabels('a 1\na -1\n', 'f')).toThrow('f: line 2: image a is listed twice');
  });

  it('reads <class>_<split>.txt through a FileSource', async () => {
    const source = memorySource({ [`${MAIN}/dog_val.txt`]: 'x 1\ny -1\n' });
    expect((await readClassLabels(source, 'dog', 'val')).get('y')).toBe(-1);
  });
});

describe('class discovery and splits', () => {
  it('takes the sorted *_train.txt names: train_train.txt is "train", train.txt no class', async () => {
    const source = memorySource({
      [`${MAIN}/train.txt`]: 'a\n',
      [`${MAIN}/val.txt`]: 'b\n',
      [`${MAIN}/train_train.txt`]: 'a 1\n',
      [`${MAIN}/dog_train.txt`]: 'a 1\n',
      [`${MAIN}/Zebra_train.txt`]: 'a 1\n',
      [`${MAIN}/dog_val.txt`]: 'b 1\n',
    });
    expect(await discoverClasses(source)).toEqual({
      classes: ['Zebra', 'dog', 'train'],
      origin: 'image-sets',
    });
    expect(await listSplits(source)).toEqual(['train', 'val']);
  });

  it('falls back to *_<split>.txt, then to the 20 VOC classes', async () => {
    const testOnly = memorySource({ [`${MAIN}/test.txt`]: 'a\n', [`${MAIN}/cat_test.txt`]: 'a 1\n' });
    expect((await discoverClasses(testOnly, 'test')).classes).toEqual(['cat']);
    expect(await discoverClasses(memorySource({}))).toEqual({
      classes: [...VOC_CLASSES],
      origin: 'voc-default',
    });
  });

  it('keeps split names that merely start with a class name', async () => {
    const source = memorySource({
      [`${MAIN}/train_aug.txt`]: 'a\n',
      [`${MAIN}/trainval.txt`]: 'a\n',
      [`${MAIN}/aeroplane_trainval.txt`]: 'a 1\n',
      [`${MAIN}/train_trainval.txt`]: 'a 1\n',
      [`${MAIN}/bus_test.txt`]: 'a 1\n',
      [`${MAIN}/notes.md`]: '',
    });
    expect(await listSplits(source)).toEqual(['train_aug', 'trainval']);
  });
});
