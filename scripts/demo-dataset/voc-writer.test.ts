import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseAnnotationXml, parseClassLabels, parseSplitList } from '../../src/core/voc';
import {
  annotationXml,
  classFileLine,
  classLabel,
  imageSetFiles,
  vocBox,
  type AnnotatedImage,
} from './voc-writer';

const cat: AnnotatedImage = {
  id: 'demo_000007',
  split: 'train',
  width: 320,
  height: 240,
  objects: [
    { className: 'cat', box: { x0: 0, y0: 10, x1: 150, y1: 200 }, difficult: false },
    { className: 'bottle', box: { x0: 250, y0: 20, x1: 280, y1: 60 }, difficult: true },
  ],
};
const dog: AnnotatedImage = { ...cat, id: 'demo_000003', split: 'val', objects: [cat.objects[0]!] };

describe('annotationXml', () => {
  it("is read by the project's VOC parser", () => {
    const annotation = parseAnnotationXml(annotationXml(cat), 'demo_000007.xml');
    expect(annotation).toEqual({
      filename: 'demo_000007.jpg',
      size: { width: 320, height: 240, depth: 3 },
      objects: [
        { name: 'cat', difficult: false },
        { name: 'bottle', difficult: true },
      ],
    });
  });

  it('writes the VOC fields, with 1-based inclusive boxes', () => {
    const parsed: unknown = new XMLParser({ parseTagValue: false }).parse(annotationXml(cat));
    expect(parsed).toMatchObject({
      annotation: {
        folder: 'voc-demo',
        segmented: '0',
        object: [
          {
            name: 'cat',
            pose: 'Unspecified',
            truncated: '0',
            difficult: '0',
            bndbox: { xmin: '1', ymin: '11', xmax: '150', ymax: '200' },
          },
          { name: 'bottle', difficult: '1' },
        ],
      },
    });
    expect(vocBox({ x0: 0, y0: 0, x1: 1, y1: 1 })).toEqual({ xmin: 1, ymin: 1, xmax: 1, ymax: 1 });
  });
});

describe('class files', () => {
  it("use VOC's '%s %2d' lines", () => {
    expect(classFileLine('demo_000001', 1)).toBe('demo_000001  1');
    expect(classFileLine('demo_000001', -1)).toBe('demo_000001 -1');
    expect(classFileLine('demo_000001', 0)).toBe('demo_000001  0');
  });

  it('label 1 for a non-difficult object, 0 for difficult-only, -1 for none', () => {
    const labels = ['cat', 'bottle', 'dog'].map((name) => classLabel(cat, name));
    expect(labels).toEqual([1, 0, -1]);
  });
});

describe('imageSetFiles', () => {
  const files = imageSetFiles([cat, dog]);
  const text = (path: string): string => files.find((file) => file.path === path)?.text ?? '';

  it('writes train, val and trainval lists with 20 class files each', () => {
    expect(files).toHaveLength(3 * 21);
    const train = parseSplitList(text('ImageSets/Main/train.txt'), 'train.txt', 'train');
    expect(train).toEqual(['demo_000007']);
    expect(parseSplitList(text('ImageSets/Main/val.txt'), 'val.txt', 'val')).toEqual(['demo_000003']);
    expect(text('ImageSets/Main/trainval.txt')).toBe('demo_000003\ndemo_000007\n');
  });

  it('writes class files the VOC reader parses back', () => {
    expect(text('ImageSets/Main/bottle_trainval.txt')).toBe('demo_000003 -1\ndemo_000007  0\n');
    const labels = parseClassLabels(text('ImageSets/Main/cat_trainval.txt'), 'cat_trainval.txt');
    expect([...labels]).toEqual([
      ['demo_000003', 1],
      ['demo_000007', 1],
    ]);
  });
});
