import { describe, expect, it } from 'vitest';
import { typedClassList } from '../folder/class-list';
import { memorySource } from './__fixtures__/memory-source';
import { detectLayout } from './detect-layout';
import { openDataset } from './open-dataset';

const VOC = { 'Annotations/000001.xml': '<annotation/>', 'JPEGImages/000001.jpg': 'x' };
const COCO = { 'annotations/instances_val2017.json': '{}' };
const NUS = { 'Concepts81.txt': 'sky', 'ImageList/TestImagelist.txt': 'a\\b.jpg' };
const under = (prefix: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([path, text]) => [`${prefix}/${path}`, text]));

// VOCdevkit/VOC20xx below the chosen folder, hidden folders and __MACOSX: detect-layout.test.ts.
describe('which layout a chosen folder holds', () => {
  it('each layout at the chosen folder itself', async () => {
    expect((await detectLayout(memorySource(VOC)))?.format).toBe('voc');
    expect((await detectLayout(memorySource(COCO)))?.format).toBe('coco');
    expect((await detectLayout(memorySource(NUS)))?.format).toBe('nus-wide');
    expect((await detectLayout(memorySource({ 'classes.txt': 'cat', 'a.jpg': 'x' })))?.format).toBe('folder');
  });

  it('--format restricts the search: a COCO folder is not found as VOC', async () => {
    expect(await detectLayout(memorySource(COCO), 'voc')).toBeNull();
    expect((await detectLayout(memorySource({ ...COCO, ...under('x', VOC) }), 'voc'))?.path).toBe('x');
  });
});

describe('openDataset on a folder that is no dataset', () => {
  it('names the folder and every layout looked for', async () => {
    await expect(openDataset(memorySource({ 'a.jpg': 'x' }, 'photos'))).rejects.toThrow(
      /^photos: no dataset here: expected a PASCAL VOC folder .*, or a COCO folder .*, or a NUS-WIDE folder .*, or a folder of photos with a class list \(classes\.txt\), in the folder or one or two levels down$/,
    );
    await expect(openDataset(memorySource(VOC, 'v'), { format: 'coco' })).rejects.toThrow('v: no dataset here: expected a COCO folder (annotations/instances_<split>.json), in the folder or one or two levels down');
  });

  it('a folder of photos with classes given (typed, or --classes) opens as a plain folder without classes.txt', async () => {
    const { dataset, path } = await openDataset(memorySource({ 'a.jpg': 'x' }, 'photos'), { classes: typedClassList('cat') });
    expect(dataset).toMatchObject({ format: 'folder', ids: ['a'], labels: null });
    expect(path).toBe('');
  });
});
