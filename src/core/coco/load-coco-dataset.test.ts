import { describe, expect, it } from 'vitest';
import { DataError } from '../data-error';
import { memorySource } from '../datasets/__fixtures__/memory-source';
import { loadCocoDataset } from './load-coco-dataset';

const instances = (override: Record<string, unknown> = {}) =>
  JSON.stringify({
    images: [
      { id: 9, file_name: 'a.jpg' },
      { id: 3, file_name: 'b.jpg' },
      { id: 4, file_name: 'c.jpg' },
    ],
    // Out of id order in the file: the classes follow category ids.
    categories: [
      { id: 5, name: 'dog' },
      { id: 1, name: 'person' },
      { id: 2, name: 'dining table' },
    ],
    annotations: [
      { image_id: 9, category_id: 1, iscrowd: 0 },
      { image_id: 9, category_id: 5, iscrowd: 0 },
      { image_id: 3, category_id: 2, iscrowd: 1 },
    ],
    ...override,
  });

const source = (json: string, images = ['a.jpg', 'b.jpg', 'c.jpg']) =>
  memorySource({ 'annotations/instances_val2017.json': json, ...Object.fromEntries(images.map((name) => [`val2017/${name}`, 'x'])) }, 'coco');

describe('COCO instances as a multi-label dataset', () => {
  it('classes in category-id order, an image positive for each category it has an instance of, crowd counted', async () => {
    const dataset = await loadCocoDataset(source(instances()));
    expect(dataset.format).toBe('coco');
    expect(dataset.split).toBe('val2017');
    expect(dataset.splits).toEqual(['val2017']);
    expect(dataset.classes.map((c) => c.token)).toEqual(['person', 'dining table', 'dog']);
    expect(dataset.ids).toEqual(['a', 'b', 'c']);
    expect(dataset.imagePaths).toEqual(['val2017/a.jpg', 'val2017/b.jpg', 'val2017/c.jpg']);
    // a: person + dog; b: the crowd dining table; c: nothing (kept, all negative).
    expect(Array.from(dataset.labels!.data)).toEqual([1, -1, 1, -1, 1, -1, -1, -1, -1]);
    expect(dataset.facts).toMatchObject({ objects: 3, crowdAnnotations: 1, unannotatedImages: 1, missingImages: 0 });
    expect(dataset.warnings).toContain('1 image(s) without any annotation: kept, negative for every class');
  });

  it('ignores crowd annotations when asked (b then has no annotation)', async () => {
    const dataset = await loadCocoDataset(source(instances()), { crowd: 'ignore' });
    expect(Array.from(dataset.labels!.data.subarray(3, 6))).toEqual([-1, -1, -1]);
    expect(dataset.facts.unannotatedImages).toBe(2);
  });

  it('crowd annotations are counted over the loaded images only, positive or ignored', async () => {
    const annotations = [
      { image_id: 9, category_id: 1, iscrowd: 1 },
      { image_id: 3, category_id: 2, iscrowd: 1 },
      { image_id: 4, category_id: 99, iscrowd: 1 },
      { image_id: 77, category_id: 1, iscrowd: 1 },
    ];
    // b.jpg's file is gone: its crowd annotation goes with it; 99 and 77 are unknown.
    const dataset = await loadCocoDataset(source(instances({ annotations }), ['a.jpg', 'c.jpg']));
    expect(dataset.facts).toMatchObject({ objects: 1, crowdAnnotations: 1, unannotatedImages: 1 });
    const ignored = await loadCocoDataset(source(instances({ annotations }), ['a.jpg', 'c.jpg']), { crowd: 'ignore' });
    expect(ignored.facts).toMatchObject({ objects: 0, crowdAnnotations: 1, unannotatedImages: 2 });
  });

  it('asks for a split when the folder has several', async () => {
    const two = memorySource({ 'annotations/instances_train2017.json': instances(), 'annotations/instances_val2017.json': instances() });
    await expect(loadCocoDataset(two)).rejects.toThrow('memory/annotations: several splits (train2017, val2017): choose one');
    await expect(loadCocoDataset(source(instances()), { split: 'train2017' })).rejects.toThrow(DataError);
    await expect(loadCocoDataset(source(instances()), { split: 'train2017' })).rejects.toThrow("coco/annotations/instances_train2017.json: split 'train2017' not found (available: val2017)");
  });

  it('COCO 2014 names: instances_train2014.json beside train2014/, and val2014 the other split', async () => {
    const files = { 'annotations/instances_train2014.json': instances(), 'annotations/instances_val2014.json': instances(), 'train2014/a.jpg': 'x', 'val2014/b.jpg': 'x' };
    const train = await loadCocoDataset(memorySource(files), { split: 'train2014' });
    expect(train).toMatchObject({ split: 'train2014', splits: ['train2014', 'val2014'], ids: ['a'], imagePaths: ['train2014/a.jpg'] });
    const val = await loadCocoDataset(memorySource(files), { split: 'val2014' });
    expect(val).toMatchObject({ ids: ['b'], imagePaths: ['val2014/b.jpg'] });
  });
});

describe('COCO bad input: the file named, the rest goes on', () => {
  it('malformed or truncated JSON: a DataError naming the instances file; another split still loads', async () => {
    const truncated = instances().slice(0, 60);
    await expect(loadCocoDataset(source(truncated))).rejects.toThrow(/^coco\/annotations\/instances_val2017\.json: malformed or truncated JSON \(.+\)$/);
    await expect(loadCocoDataset(source('{"images": []}'))).rejects.toThrow('coco/annotations/instances_val2017.json: not a COCO instances file: no categories, annotations array');
    const both = memorySource({ 'annotations/instances_train2017.json': truncated, 'annotations/instances_val2017.json': instances(), 'val2017/a.jpg': 'x' });
    expect((await loadCocoDataset(both, { split: 'val2017' })).ids).toEqual(['a']);
  });

  it('an annotation naming a missing image: a warning naming the file and the id, the annotation left out, the rest labelled', async () => {
    const annotations = [
      { image_id: 9, category_id: 1 },
      { image_id: 77, category_id: 5 },
    ];
    const dataset = await loadCocoDataset(source(instances({ annotations })));
    expect(dataset.warnings).toContain('annotations/instances_val2017.json: annotations name 1 image id(s) not in its images (e.g. 77), left out');
    expect(dataset.ids).toEqual(['a', 'b', 'c']);
    expect(Array.from(dataset.labels!.data.subarray(0, 3))).toEqual([1, -1, -1]);
    expect(dataset.facts.objects).toBe(1);
  });

  it('an image the file lists but the folder lacks: skipped and named, the rest go on', async () => {
    const dataset = await loadCocoDataset(source(instances(), ['a.jpg', 'c.jpg']));
    expect(dataset.ids).toEqual(['a', 'c']);
    expect(dataset.skipped).toEqual([{ id: 'b', reason: 'val2017/b.jpg: image file not found (listed in annotations/instances_val2017.json)' }]);
    expect(dataset.warnings).toContain('1 of 3 listed images are not in val2017/: skipped');
    expect(dataset.facts.missingImages).toBe(1);
  });

  it('none of the listed images in the folder (the images not unpacked): a DataError naming the image folder', async () => {
    await expect(loadCocoDataset(source(instances(), []))).rejects.toThrow('coco/val2017: none of the 3 images listed in annotations/instances_val2017.json is in this folder');
    await expect(loadCocoDataset(source(instances({ images: [] }), []))).rejects.toThrow('coco/annotations/instances_val2017.json: lists no images');
  });

  it('an unknown category id: a warning naming the file and the id, the annotation left out, the others counted', async () => {
    const annotations = [
      { image_id: 9, category_id: 1 },
      { image_id: 4, category_id: 99 },
    ];
    const dataset = await loadCocoDataset(source(instances({ annotations })));
    expect(dataset.warnings).toContain('annotations/instances_val2017.json: annotations name unknown category id(s) 99, left out');
    expect(Array.from(dataset.labels!.data)).toEqual([1, -1, -1, -1, -1, -1, -1, -1, -1]);
    expect(dataset.facts).toMatchObject({ objects: 1, unannotatedImages: 2 });
  });
});
