import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../cli/node-file-source';
import type { FileSource } from '../dataset-source';
import type { LabelMatrix } from '../types';
import { VOC_CLASSES } from './voc-classes';
import { loadVocDataset, type VocDataset } from './voc-dataset';
import { summarizeDataset } from './voc-summary';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../e2e/fixtures/${name}`, import.meta.url));

const label = (ds: VocDataset, id: string, className: string): number => {
  const row = ds.ids.indexOf(id as VocDataset['ids'][number]);
  return ds.labels.data[row * ds.labels.cols + ds.classes.indexOf(className)] ?? NaN;
};

const count = (labels: LabelMatrix, value: number): number =>
  labels.data.filter((entry) => entry === value).length;

describe('voc-mini (100 VOC images, no ImageSets)', () => {
  const load = () => loadVocDataset(createNodeFileSource(fixture('voc-mini')));

  it('lists the images from Annotations/ and says so', async () => {
    const ds = await load();
    expect(ds.split).toBeNull();
    expect(ds.ids).toHaveLength(100);
    expect(ds.ids[0]).toBe('2007_000027');
    expect([...ds.ids]).toEqual([...ds.ids].sort());
    expect(ds.warnings).toEqual(['no ImageSets/Main: images listed from Annotations/ (100 files)']);
    expect(ds.skipped).toEqual([]);
  });

  it('has the 20 VOC classes, 273 objects of which 38 difficult', async () => {
    const ds = await load();
    expect(ds.classes).toEqual(VOC_CLASSES);
    expect(ds.classOrigin).toBe('voc-default');
    expect(ds.objects).toBe(273);
    expect(ds.difficultObjects).toBe(38);
    expect(ds.images.reduce((sum, image) => sum + image.objects.length, 0)).toBe(273);
    expect(ds.images.filter((image) => image.objects.some((object) => object.name === 'person')))
      .not.toHaveLength(0);
  });

  it('keeps 0 for the 15 difficult-only (image, class) pairs', async () => {
    const ds = await load();
    expect(ds.labels).toMatchObject({ rows: 100, cols: 20 });
    expect(count(ds.labels, 0)).toBe(15);
    expect(count(ds.labels, 1) + count(ds.labels, 0) + count(ds.labels, -1)).toBe(2000);
  });

  it('summarises 45 multi-label images with difficult as positive, 37 when ignored', async () => {
    const ds = await load();
    const positive = summarizeDataset(ds, 'positive');
    expect(positive).toMatchObject({
      images: 100,
      classes: 20,
      objects: 273,
      difficultObjects: 38,
      multiLabelImages: 45,
      difficultOnlyPairs: 15,
      classesWithoutPositives: [],
    });
    const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(positive.positivesPerClass)).toBe(count(ds.labels, 1) + count(ds.labels, 0));
    expect(sum(positive.difficultOnlyPerClass)).toBe(15);
    expect(sum(summarizeDataset(ds, 'ignore').positivesPerClass)).toBe(count(ds.labels, 1));
    expect(summarizeDataset(ds, 'ignore').multiLabelImages).toBe(37);
    expect(summarizeDataset(ds)).toEqual(positive); // the loaded default policy
    const ignoring = await loadVocDataset(createNodeFileSource(fixture('voc-mini')), { difficult: 'ignore' });
    expect(summarizeDataset(ignoring).multiLabelImages).toBe(37);
  });

  it('reads the image sizes and the first image exactly', async () => {
    const ds = await load();
    expect(ds.images[0]).toEqual({
      id: '2007_000027',
      labelSource: 'annotations',
      size: { width: 486, height: 500, depth: 3 },
      objects: [{ name: 'person', difficult: false }],
    });
    expect(label(ds, '2007_000027', 'person')).toBe(1);
    expect(label(ds, '2007_000027', 'dog')).toBe(-1);
    expect(ds.images.every((image) => image.size !== null)).toBe(true);
  });

  it('rejects a split that does not exist, naming the expected file', async () => {
    await expect(
      loadVocDataset(createNodeFileSource(fixture('voc-mini')), { split: 'val' }),
    ).rejects.toThrow("ImageSets/Main/val.txt: split 'val' not found (no split files in ImageSets/Main)");
  });

  it('reads at most `concurrency` files at a time, but more than one', async () => {
    let inFlight = 0;
    let peak = 0;
    const base = createNodeFileSource(fixture('voc-mini'));
    const counting: FileSource = {
      ...base,
      readText: async (file) => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        try {
          return await base.readText(file);
        } finally {
          inFlight--;
        }
      },
    };
    const progress: number[] = [];
    const ds = await loadVocDataset(counting, { concurrency: 8, onProgress: (done) => progress.push(done) });
    expect(ds.ids).toHaveLength(100);
    expect(peak).toBe(8);
    expect(progress).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    peak = 0;
    await loadVocDataset(counting);
    expect(peak).toBe(64);
  });
});

describe('seed-cache-sample (60 VOC2012 train images with ImageSets/Main)', () => {
  const source = () => createNodeFileSource(fixture('seed-cache-sample'));

  it('uses train.txt and the classes of the 20 <class>_train.txt files', async () => {
    const ds = await loadVocDataset(source(), { split: 'train' });
    expect(ds.split).toBe('train');
    expect(ds.ids).toHaveLength(60);
    expect(ds.ids[0]).toBe('2008_001310');
    expect(ds.classes).toEqual(VOC_CLASSES);
    expect(ds.classOrigin).toBe('image-sets');
    expect(ds.warnings).toEqual([]);
    expect(ds.skipped).toEqual([]);
    expect(ds.images.every((image) => image.labelSource === 'annotations')).toBe(true);
    expect(ds.objects).toBe(83);
    expect(ds.difficultObjects).toBe(0);
  });

  it('gets the same labels from the XML files and from the class files', async () => {
    const fromXml = await loadVocDataset(source(), { split: 'train', labelsFrom: 'annotations' });
    const fromFiles = await loadVocDataset(source(), { split: 'train', labelsFrom: 'class-files' });
    expect(fromFiles.images.every((image) => image.labelSource === 'class-files')).toBe(true);
    expect(fromFiles.ids).toEqual(fromXml.ids);
    expect(Array.from(fromFiles.labels.data)).toEqual(Array.from(fromXml.labels.data));
    expect(count(fromXml.labels, 1)).toBeGreaterThan(60);
    expect(label(fromXml, '2008_001645', 'horse')).toBe(1);
  });

  it('takes the only split when none is named, and has no pottedplant', async () => {
    const ds = await loadVocDataset(source());
    expect(ds.split).toBe('train');
    const summary = summarizeDataset(ds);
    expect(summary.classesWithoutPositives).toEqual(['pottedplant']);
    expect(summary.multiLabelImages).toBe(18);
  });
});
