import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeCocoCopy, writeNusWideCopy } from '../scripts/dataset-fixtures/voc-layouts';
import { createNodeFileSource } from '../src/cli/node-file-source';
import { openDataset } from '../src/core/datasets/open-dataset';
import { WorkspacePage, type ModeMaps } from './support/workspace-page';

/**
 * The same photos and labels in three layouts (voc-mini, and its COCO and NUS-WIDE copies made by
 * scripts/dataset-fixtures) through the folder input: the lab reads each, names its format and split,
 * and shows the same mAPs. A limit takes the first N images of each layout's order; the copies list
 * the photos in VOC's order (checked below), so the three runs see the same 8 images.
 */
const VOC_MINI = 'e2e/fixtures/voc-mini';
const IMAGES = 8;

/** The photos a run of the first IMAGES images reads, by file name (NUS-WIDE's ids keep their folder, `voc/…`). */
async function firstPhotos(root: string, split?: string): Promise<string[]> {
  const { dataset } = await openDataset(createNodeFileSource(root), split ? { split } : {});
  return dataset.imagePaths.slice(0, IMAGES).map((path) => path.split('/').pop()!);
}

async function chooseFolder(page: Page, folder: string, files: string): Promise<void> {
  await page.getByLabel('Choose a dataset folder').setInputFiles(folder);
  await expect(page.getByRole('region', { name: 'Dataset', exact: true }).getByText(files, { exact: true })).toBeVisible();
}

/** A run of the first images at `split`: the split picker offers the splits the worker found in the folder. */
async function runSplit(lab: WorkspacePage, split: string): Promise<ModeMaps> {
  await lab.computeRun({ model: 'tiny-vit', grid: 1, images: IMAGES, backend: 'wasm', split }, `Done: ${IMAGES} images`);
  return lab.maps();
}

test('the COCO and NUS-WIDE copies of voc-mini show the same mAPs as the VOC folder', async ({ page }) => {
  test.setTimeout(480_000);
  const root = mkdtempSync(join(tmpdir(), 'cdul-e2e-layouts-'));
  try {
    const coco = join(root, 'coco');
    const nus = join(root, 'nus');
    await writeCocoCopy(VOC_MINI, coco);
    await writeNusWideCopy(VOC_MINI, nus);
    const vocPhotos = await firstPhotos(VOC_MINI);
    expect(vocPhotos).toHaveLength(IMAGES);
    expect(await firstPhotos(coco)).toEqual(vocPhotos);
    expect(await firstPhotos(nus, 'test')).toEqual(vocPhotos);

    const lab = await new WorkspacePage(page).open();
    const summary = page.getByRole('status', { name: 'Dataset read' });
    const layoutLine = page.getByLabel('Layout found');

    await chooseFolder(page, VOC_MINI, 'voc-mini (202 files)');
    await expect(layoutLine).toHaveText('Found a PASCAL VOC folder.');
    const voc = await runSplit(lab, '');
    await expect(summary).toHaveText(`Read as PASCAL VOC: ${IMAGES} images, 20 classes.`);
    await expect(page.getByRole('list', { name: 'Dataset warnings' })).toContainText('images listed from Annotations/ (100 files)');
    await expect(page.getByRole('note', { name: 'Dataset without ground truth' })).toHaveCount(0);

    await chooseFolder(page, coco, 'coco (101 files)');
    await expect(layoutLine).toHaveText('Found a COCO folder, splits: val2017.');
    await expect(page.getByRole('group', { name: 'COCO crowd annotations' }).getByLabel('counted positive')).toBeChecked();
    const cocoMaps = await runSplit(lab, 'val2017');
    await expect(summary).toHaveText(`Read as COCO, split val2017: ${IMAGES} images, 20 classes.`);
    await expect(page.getByLabel('Dataset classes')).toContainText('aeroplane, bicycle, bird, boat, bottle, bus, car, cat, chair, cow, dining table');
    expect(cocoMaps).toEqual(voc);

    await chooseFolder(page, nus, 'nus (143 files)');
    await expect(layoutLine).toHaveText('Found a NUS-WIDE folder, splits: train, test.');
    await expect(page.getByRole('group', { name: 'COCO crowd annotations' })).toHaveCount(0);
    const nusMaps = await runSplit(lab, 'test');
    await expect(summary).toHaveText(`Read as NUS-WIDE, split test: ${IMAGES} images, 20 classes.`);
    expect(nusMaps).toEqual(voc);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
