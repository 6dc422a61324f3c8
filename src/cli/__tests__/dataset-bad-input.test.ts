import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cocoAnnotationOfMissingImage,
  cocoImageFileGone,
  cocoTruncatedJson,
  cocoUnknownCategory,
  folderDuplicateClass,
  folderEmptyClassList,
  folderWithoutImages,
  nusListedImagesGone,
} from '../../../scripts/dataset-fixtures/broken-layouts';
import { writeCocoCopy, writeFolderCopy, writeNusWideCopy } from '../../../scripts/dataset-fixtures/voc-layouts';
import { VOC_MINI, runCliInProcess } from './run-cli';

/**
 * `cdul dataset --json --dataset DIR` on broken copies of voc-mini's COCO, NUS-WIDE and plain-folder
 * layouts, one bad input each: what cannot go on exits 1 with a message naming the file and the
 * problem; what can goes on with the other images and says what it left out.
 */
const root = mkdtempSync(join(tmpdir(), 'cdul-bad-layouts-'));
const at = (name: string) => resolve(root, name);

interface Report {
  images: number;
  objects: number;
  missingImages: number;
  skipped: { id: string; reason: string }[];
  warnings: string[];
}

async function datasetJson(dir: string): Promise<{ code: number; stderr: string; report: Report | null }> {
  const run = await runCliInProcess(['dataset', '--json', '--dataset', dir]);
  return { code: run.code, stderr: run.stderr, report: run.code === 0 ? (JSON.parse(run.stdout) as Report) : null };
}

let good: Record<'coco' | 'nus' | 'folder', Report>;

beforeAll(async () => {
  await Promise.all([writeCocoCopy(VOC_MINI, at('coco')), writeNusWideCopy(VOC_MINI, at('nus')), writeFolderCopy(VOC_MINI, at('folder'))]);
  const [coco, nus, folder] = await Promise.all(['coco', 'nus', 'folder'].map(async (name) => (await datasetJson(at(name))).report!));
  good = { coco: coco!, nus: nus!, folder: folder! };
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('cdul dataset on bad input', () => {
  it('malformed or truncated COCO JSON: exit 1, the instances file named with the JSON error', async () => {
    cocoTruncatedJson(at('coco'), at('truncated'));
    const run = await datasetJson(at('truncated'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^cdul: ${escape(at('truncated'))}/annotations/instances_val2017\\.json: malformed or truncated JSON \\(.+\\)\\n$`));
  });

  it('a COCO annotation naming a missing image: a warning naming the file and the id, every image still loaded', async () => {
    cocoAnnotationOfMissingImage(at('coco'), at('unknown-image'), 424242);
    const { code, report } = await datasetJson(at('unknown-image'));
    expect(code).toBe(0);
    expect(report!.warnings).toContain('annotations/instances_val2017.json: annotations name 1 image id(s) not in its images (e.g. 424242), left out');
    expect(report).toMatchObject({ images: 100, objects: good.coco.objects, skipped: [] });
  });

  it('a COCO image whose file is gone: skipped and named, the other 99 loaded', async () => {
    const fileName = cocoImageFileGone(at('coco'), at('image-gone'));
    const { code, report } = await datasetJson(at('image-gone'));
    expect(code).toBe(0);
    const reason = `val2017/${fileName}: image file not found (listed in annotations/instances_val2017.json)`;
    expect(report).toMatchObject({ images: 99, missingImages: 1, skipped: [{ id: fileName.replace('.jpg', ''), reason }] });
    expect(report!.warnings).toContain('1 of 100 listed images are not in val2017/: skipped');
  });

  it('an unknown COCO category id: a warning naming the file and the id, the other annotations counted', async () => {
    cocoUnknownCategory(at('coco'), at('unknown-category'), 91);
    const { code, report } = await datasetJson(at('unknown-category'));
    expect(code).toBe(0);
    expect(report!.warnings).toEqual(['annotations/instances_val2017.json: annotations name unknown category id(s) 91, left out']);
    expect(report).toMatchObject({ images: 100, objects: good.coco.objects });
  });

  it('a class list that is empty or has duplicates: exit 1, classes.txt named with what is wrong', async () => {
    folderEmptyClassList(at('folder'), at('empty-classes'));
    const empty = await datasetJson(at('empty-classes'));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe(`cdul: ${at('empty-classes')}/classes.txt: the class list is empty: write one class per line\n`);
    folderDuplicateClass(at('folder'), at('duplicate-class'));
    const twice = await datasetJson(at('duplicate-class'));
    expect(twice.code).toBe(1);
    expect(twice.stderr).toBe(`cdul: ${at('duplicate-class')}/classes.txt: class 'person' is listed twice (lines 1 and 3)\n`);
  });

  it('a folder without images: exit 1, the folder named', async () => {
    folderWithoutImages(at('folder'), at('no-images'));
    const run = await datasetJson(at('no-images'));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`cdul: ${at('no-images')}: no JPEG or PNG images in this folder or its sub-folders\n`);
  });

  it('a NUS-WIDE list naming files that are not there: each skipped and named, the other 98 loaded', async () => {
    const gone = nusListedImagesGone(at('nus'), at('nus-missing'), 2);
    const { code, report } = await datasetJson(at('nus-missing'));
    expect(code).toBe(0);
    expect(report).toMatchObject({
      images: good.nus.images - 2,
      missingImages: 2,
      skipped: gone.map((entry) => ({ id: entry.replace('.jpg', ''), reason: `Flickr/${entry}: image file not found (listed in ImageList/TrainImagelist.txt)` })),
    });
    expect(report!.warnings[0]).toBe('2 of 100 listed images are not in Flickr/: skipped (NUS-WIDE copies often miss some)');
    // Without --json the same messages go to stderr, one line each.
    const plain = await runCliInProcess(['dataset', '--dataset', at('nus-missing')]);
    expect(plain.code).toBe(0);
    for (const entry of gone) expect(plain.stderr).toContain(`warning: skipped ${entry.replace('.jpg', '')}: Flickr/${entry}: image file not found`);
  });
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
