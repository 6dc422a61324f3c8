import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCocoCopy } from '../../../scripts/dataset-fixtures/voc-layouts';
import { VOC_MINI, runCliInProcess } from './run-cli';

/**
 * COCO 2014 names (instances_train2014.json beside train2014/, and val2014) on voc-mini's COCO copy,
 * edited so that the categories are listed out of id order with ids that are not 1…20, some instances
 * are crowd and some images have no annotation at all. The expected figures are counted from the
 * edited JSON here, not by the lab's reader.
 */
interface Instances {
  images: { id: number; file_name: string }[];
  annotations: { image_id: number; category_id: number; iscrowd: number }[];
  categories: { id: number; name: string }[];
}

const root = mkdtempSync(join(tmpdir(), 'cdul-coco2014-'));
const file = join(root, 'annotations', 'instances_train2014.json');
let instances: Instances;

beforeAll(async () => {
  await writeCocoCopy(VOC_MINI, root, 'train2014');
  await writeCocoCopy(VOC_MINI, root, 'val2014');
  const json = JSON.parse(readFileSync(file, 'utf8')) as Instances;
  // Category k+1 becomes id 3·(20−k)+1: the file's order is the reverse of the id order.
  json.categories = json.categories.map((category) => ({ ...category, id: 3 * (21 - category.id) + 1 }));
  json.annotations = json.annotations.map((annotation, k) => ({ ...annotation, category_id: 3 * (21 - annotation.category_id) + 1, iscrowd: k % 7 === 0 ? 1 : 0 }));
  // The first three images lose every annotation.
  const bare = new Set(json.images.slice(0, 3).map((image) => image.id));
  json.annotations = json.annotations.filter((annotation) => !bare.has(annotation.image_id));
  writeFileSync(file, JSON.stringify(json));
  instances = json;
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What the edited file says under a crowd policy, counted here. */
function expected(crowd: 'positive' | 'ignore') {
  const order = [...instances.categories].sort((a, b) => a.id - b.id);
  const counted = instances.annotations.filter((annotation) => crowd === 'positive' || annotation.iscrowd === 0);
  const pairs = new Set(counted.map((annotation) => `${annotation.image_id} ${annotation.category_id}`));
  const annotated = new Set(counted.map((annotation) => annotation.image_id));
  return {
    classes: order.map((category) => category.name),
    objects: counted.length,
    crowdAnnotations: instances.annotations.filter((annotation) => annotation.iscrowd === 1).length,
    unannotatedImages: instances.images.filter((image) => !annotated.has(image.id)).length,
    positivesPerClass: Object.fromEntries(order.map((category) => [category.name, instances.images.filter((image) => pairs.has(`${image.id} ${category.id}`)).length])),
  };
}

async function report(args: string[]): Promise<Record<string, unknown>> {
  const run = await runCliInProcess(['dataset', '--dataset', root, '--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe('cdul dataset on COCO 2014', () => {
  it('finds both 2014 splits and asks which one', async () => {
    const run = await runCliInProcess(['dataset', '--dataset', root, '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`cdul: ${root}/annotations: several splits (train2014, val2014): choose one\n`);
  });

  it('classes in category-id order, crowd instances positive, images without annotation kept and counted', async () => {
    const truth = expected('positive');
    expect(truth.crowdAnnotations).toBeGreaterThan(0);
    expect(truth.classes[0]).toBe('tv monitor'); // the id order really differs from the file's
    const summary = await report(['--split', 'train2014']);
    expect(summary).toMatchObject({ format: 'coco', split: 'train2014', splits: ['train2014', 'val2014'], images: 100, missingImages: 0, ...truth });
    expect(summary.unannotatedImages).toBe(3);
    expect(summary.warnings).toEqual(['3 image(s) without any annotation: kept, negative for every class']);
  });

  it('--crowd ignore: crowd instances still counted, no longer positive; an image with only crowd instances becomes unannotated', async () => {
    const truth = expected('ignore');
    expect(truth.unannotatedImages).toBeGreaterThan(3); // some images had only crowd instances
    const summary = await report(['--split', 'train2014', '--crowd', 'ignore']);
    expect(summary).toMatchObject({ images: 100, ...truth });
    expect(summary.positivesPerClass).not.toEqual(expected('positive').positivesPerClass);
  });

  it('val2014 is read from val2014/ with its own file (untouched: category ids 1…20 in file order)', async () => {
    const summary = await report(['--split', 'val2014']);
    expect(summary).toMatchObject({ split: 'val2014', images: 100, unannotatedImages: 0, crowdAnnotations: 0 });
    expect((summary.classes as string[])[0]).toBe('aeroplane');
  });
});
