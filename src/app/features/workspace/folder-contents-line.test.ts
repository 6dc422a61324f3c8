import { describe, expect, it } from 'vitest';
import { contentsLine } from './folder-contents-line';

describe('what the dataset panel says a chosen folder holds', () => {
  it('a VOC folder without ImageSets: its images, annotations, the VOC classes, and that every annotated image is read', () => {
    const contents = { images: 100, annotations: 100, classes: 20, classesFrom: 'the VOC list: no class files in ImageSets/Main' };
    expect(contentsLine({ format: 'voc', path: '', splits: [], contents })).toBe(
      'In it: 100 images, 100 annotation files (Annotations/*.xml), 20 classes (the VOC list: no class files in ImageSets/Main), no split files in ImageSets/Main, so every annotated image is read.',
    );
  });

  it('a plain folder: no annotations; a class list that does not read says why', () => {
    const contents = { images: 3, annotations: null, classes: null, classesFrom: "classes.txt: class 'cat' is listed twice (lines 1 and 2)" };
    expect(contentsLine({ format: 'folder', path: '', splits: [], contents })).toBe(
      "In it: 3 images, no annotations (no ground truth), classes: classes.txt: class 'cat' is listed twice (lines 1 and 2).",
    );
  });

  it('COCO: its categories are read when the run starts', () => {
    const contents = { images: 5, annotations: 2, classes: null, classesFrom: 'the categories of annotations/instances_<split>.json, read when the run starts' };
    expect(contentsLine({ format: 'coco', path: 'coco', splits: ['train2017', 'val2017'], contents })).toBe(
      'In it: 5 images, 2 instances files, classes: the categories of annotations/instances_<split>.json, read when the run starts.',
    );
  });
});
