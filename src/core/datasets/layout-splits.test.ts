import { describe, expect, it } from 'vitest';
import { memorySource } from './__fixtures__/memory-source';
import { describeLayout } from './layout-splits';

// The split picker's answer before a run: the layout and its splits from file names alone.
describe('describeLayout', () => {
  it('lists a COCO folder’s splits from its instances files, without parsing them', async () => {
    const source = memorySource({
      'coco/annotations/instances_val2017.json': 'not parsed',
      'coco/annotations/instances_train2017.json': 'not parsed',
      'coco/annotations/captions_val2017.json': '{}',
    });
    expect(await describeLayout(source)).toMatchObject({ format: 'coco', path: 'coco', splits: ['train2017', 'val2017'] });
  });

  it('lists VOC’s ImageSets/Main splits (not its class files) and NUS-WIDE’s image lists', async () => {
    const voc = memorySource({
      'Annotations/a.xml': '',
      'ImageSets/Main/train.txt': 'a\n',
      'ImageSets/Main/val.txt': 'a\n',
      'ImageSets/Main/cat_train.txt': 'a 1\n',
    });
    expect(await describeLayout(voc)).toMatchObject({ format: 'voc', path: '', splits: ['train', 'val'] });
    const nus = memorySource({ 'Concepts81.txt': 'cat\n', 'ImageList/TestImagelist.txt': 'x\\a.jpg\n' });
    expect(await describeLayout(nus)).toMatchObject({ format: 'nus-wide', path: '', splits: ['test'] });
  });

  it('says a folder with classes.txt has no splits, and finds nothing in photos without one or in a format not asked for', async () => {
    expect(await describeLayout(memorySource({ 'classes.txt': 'cat\n', 'photos/a.jpg': '' }))).toMatchObject({ format: 'folder', path: '', splits: [] });
    expect(await describeLayout(memorySource({ 'photos/a.jpg': '' }))).toBeNull();
    expect(await describeLayout(memorySource({ 'classes.txt': 'cat\n', 'a.jpg': '' }), 'coco')).toBeNull();
  });
});
