import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { RUN_TIMEOUT, WorkspacePage } from './support/workspace-page';

/**
 * Issue 15 item 6: the counts agree. A run with a corrupt JPEG among its first 8 images has 7 images
 * with scores — the run panel, the dataset panel and the gallery all say 7 (1 skipped); and a reload
 * of a finished run says it is reopening from the browser cache, not that a run is still going.
 */
function vocMiniWithCorruptFirstJpeg(): { root: string; folder: string } {
  const root = mkdtempSync(join(tmpdir(), 'cdul-e2e-counts-'));
  const folder = join(root, 'VOC2012');
  cpSync('e2e/fixtures/voc-mini', folder, { recursive: true });
  const photo = readFileSync(join(folder, 'JPEGImages/2007_000027.jpg'));
  // Named to sort first: without ImageSets the images are the sorted annotations, so it is among the first 8.
  writeFileSync(join(folder, 'JPEGImages/0000_broken.jpg'), photo.subarray(0, photo.length >> 1));
  writeFileSync(join(folder, 'Annotations/0000_broken.xml'), readFileSync(join(folder, 'Annotations/2007_000027.xml')));
  return { root, folder };
}

test('a corrupt JPEG among 8 images: 7 images (1 skipped) in the run panel, the dataset panel and the gallery', async ({ page }) => {
  test.setTimeout(300_000);
  const { root, folder } = vocMiniWithCorruptFirstJpeg();
  try {
    const lab = await new WorkspacePage(page).open();
    await page.getByLabel('Choose a dataset folder').setInputFiles(folder);
    await expect(page.getByRole('region', { name: 'Dataset', exact: true }).getByText(/^VOC2012 \(\d+ files\)$/)).toBeVisible();
    await lab.computeRun({ model: 'tiny-vit', grid: 1, images: 8, backend: 'wasm' }, 'Done: 7 images (1 skipped: see below), 7 encoded now.');
    await expect(page.getByRole('list', { name: 'Skipped files' })).toContainText(/JPEGImages\/0000_broken\.jpg: corrupt or truncated JPEG/);
    await expect(page.getByRole('status', { name: 'Dataset read' })).toHaveText('Read as PASCAL VOC: 7 images (1 skipped: listed in the Run panel), 20 classes.');
    await expect(page.getByText(/^7 images · step AP/)).toBeVisible();
    await lab.show('Gallery');
    await expect(page.getByRole('status', { name: 'Images shown' })).toHaveText('7 images');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a reload of a finished run: the gallery says it is reopening from the browser cache, then shows it', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = await new WorkspacePage(page).open();
  await lab.computeRun({ backend: 'wasm', images: 8 }, 'Done: 8 images, 8 encoded now.');
  await lab.show('Gallery');
  await expect(page.getByRole('status', { name: 'Images shown' })).toHaveText('8 images');

  await page.reload();
  await expect(page.getByRole('status', { name: 'Waiting for the run' })).toHaveText('Reopening from the browser cache… Watch the run');
  await expect(page.getByRole('note', { name: 'Run shown' })).toHaveText(/^Reopening Demo dataset \(built in\) · val \(first 8\) · demo-clip · 3×3 · /);
  await expect(page.getByRole('status', { name: 'Images shown' })).toHaveText('8 images', { timeout: RUN_TIMEOUT });
  await expect(page.getByRole('note', { name: 'Run shown' })).toHaveText('Showing Demo dataset (built in) · val (first 8) · demo-clip · 3×3 · WebAssembly');
});
