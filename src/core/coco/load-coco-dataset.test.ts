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

  it('skips and names an image the file lists but the folder lacks; the rest go on', async () => {
    const dataset = await loadCocoDataset(source(instances(), ['a.jpg', 'c.jpg']));
    expect(dataset.ids).toEqual(['a', 'c']);
    expect(dataset.skipped).toEqual([{ id: 'b', reason: 'val2017/b.jpg: image file not found (listed in annotations/instances_val2017.json)' }]);
    expect(dataset.facts.missingImages).toBe(1);
  });

  it('warns of annotations naming an unknown image or category, and leaves them out', async () => {
    const annotations = [
      { image_id: 9, category_id: 1 },
      { image_id: 77, category_id: 1 },
      { image_id: 4, category_id: 99 },
    ];
    const dataset = await loadCocoDataset(source(instances({ annotations })));
    expect(dataset.warnings.join('\n')).toMatch(/annotations name 1 image id\(s\) not in its images \(e\.g\. 77\)/);
    expect(dataset.warnings.join('\n')).toMatch(/unknown category id\(s\) 99/);
    expect(Array.from(dataset.labels!.data.subarray(6, 9))).toEqual([-1, -1, -1]);
  });

  it('malformed or truncated JSON, or no COCO arrays, is a DataError naming the file', async () => {
    const truncated = instances().slice(0, 60);
    await expect(loadCocoDataset(source(truncated))).rejects.toThrow(/^coco\/annotations\/instances_val2017\.json: malformed or truncated JSON/);
    await expect(loadCocoDataset(source('{"images": []}'))).rejects.toThrow('coco/annotations/instances_val2017.json: not a COCO instances file: no categories, annotations array');
    await expect(loadCocoDataset(source(instances()), { split: 'train2017' })).rejects.toThrow(DataError);
    await expect(loadCocoDataset(source(instances()), { split: 'train2017' })).rejects.toThrow("split 'train2017' not found (available: val2017)");
  });

  it('asks for a split when the folder has several', async () => {
    const two = memorySource({ 'annotations/instances_train2017.json': instances(), 'annotations/instances_val2017.json': instances() });
    await expect(loadCocoDataset(two)).rejects.toThrow('several splits (train2017, val2017): choose one');
  });
});
