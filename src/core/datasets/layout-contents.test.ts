import { describe, expect, it } from 'vitest';
import { memorySource } from './__fixtures__/memory-source';
import { describeLayout } from './layout-splits';

// What the dataset panel says the moment a folder is chosen: counted from names and small list files.
describe('layoutContents (through describeLayout)', () => {
  it('counts a VOC folder without ImageSets: images, annotations, the 20 VOC classes, no splits', async () => {
    const voc = memorySource({
      'VOC/Annotations/a.xml': '',
      'VOC/Annotations/b.xml': '',
      'VOC/Annotations/notes.txt': '',
      'VOC/JPEGImages/a.jpg': '',
      'VOC/JPEGImages/b.jpg': '',
      'VOC/JPEGImages/c.png': '',
      'VOC/JPEGImages/readme.md': '',
    });
    expect(await describeLayout(voc)).toEqual({
      format: 'voc',
      path: 'VOC',
      splits: [],
      contents: { images: 3, annotations: 2, classes: 20, classesFrom: 'the VOC list: no class files in ImageSets/Main' },
    });
  });

  it('takes a VOC folder’s classes from its class files when it has them', async () => {
    const voc = memorySource({
      'Annotations/a.xml': '',
      'JPEGImages/a.jpg': '',
      'ImageSets/Main/train.txt': 'a\n',
      'ImageSets/Main/cat_train.txt': 'a 1\n',
      'ImageSets/Main/dog_train.txt': 'a -1\n',
    });
    expect((await describeLayout(voc))?.contents).toEqual({ images: 1, annotations: 1, classes: 2, classesFrom: 'the class files in ImageSets/Main' });
  });

  it('counts COCO’s split folders and instances files, and leaves its categories to the run', async () => {
    const coco = memorySource({
      'annotations/instances_val2017.json': 'not parsed',
      'annotations/instances_train2017.json': 'not parsed',
      'val2017/1.jpg': '',
      'val2017/2.jpg': '',
      'train2017/3.jpg': '',
      'test2017/4.jpg': '',
    });
    expect((await describeLayout(coco))?.contents).toEqual({
      images: 3,
      annotations: 2,
      classes: null,
      classesFrom: 'the categories of annotations/instances_<split>.json, read when the run starts',
    });
  });

  it('counts NUS-WIDE’s listed images (split lists only), label files and concepts', async () => {
    const nus = memorySource({
      'Concepts81.txt': 'cat\r\ndog\r\n\r\n',
      'ImageList/TrainImagelist.txt': 'x\\a.jpg\r\nx\\b.jpg\r\n',
      'ImageList/TestImagelist.txt': 'x\\c.jpg\r\n',
      'ImageList/Imagelist.txt': 'x\\a.jpg\nx\\b.jpg\nx\\c.jpg\n',
      'Groundtruth/TrainTestLabels/Labels_cat_Train.txt': '1\n0\n',
      'Groundtruth/TrainTestLabels/Labels_cat_Test.txt': '1\n',
    });
    expect((await describeLayout(nus))?.contents).toEqual({ images: 3, annotations: 2, classes: 2, classesFrom: 'Concepts81.txt' });
  });

  it('counts a plain folder’s photos at any depth and its classes.txt, or says why the list does not read', async () => {
    const photos = { 'a.jpg': '', 'trip/b.JPG': '', 'trip/day2/c.png': '', 'notes.txt': '' };
    const good = await describeLayout(memorySource({ ...photos, 'classes.txt': 'cat\ndog\tsmall dog\n# comment\n' }));
    expect(good?.contents).toEqual({ images: 3, annotations: null, classes: 2, classesFrom: 'classes.txt' });
    const twice = await describeLayout(memorySource({ ...photos, 'classes.txt': 'cat\ncat\n' }));
    expect(twice?.contents).toEqual({ images: 3, annotations: null, classes: null, classesFrom: "classes.txt: class 'cat' is listed twice (lines 1 and 2)" });
  });
});
