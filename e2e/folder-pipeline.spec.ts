import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { WorkspacePage } from './support/workspace-page';

/** voc-mini plus one JPEG cut in half (with its annotation): 101 images, one of them broken. */
function vocMiniWithCorruptJpeg(): string {
  const root = mkdtempSync(join(tmpdir(), 'cdul-e2e-folder-'));
  const voc = join(root, 'VOC2012');
  cpSync('e2e/fixtures/voc-mini', voc, { recursive: true });
  const photo = readFileSync(join(voc, 'JPEGImages/2007_000027.jpg'));
  writeFileSync(join(voc, 'JPEGImages/broken_000001.jpg'), photo.subarray(0, photo.length >> 1));
  writeFileSync(join(voc, 'Annotations/broken_000001.xml'), readFileSync(join(voc, 'Annotations/2007_000027.xml')));
  return voc;
}

test('a VOC folder through the folder input: every good image gets pseudo labels, the corrupt JPEG is named', async ({ page }) => {
  test.setTimeout(240_000);
  const folder = vocMiniWithCorruptJpeg();
  try {
    const lab = await new WorkspacePage(page).open();
    await page.getByLabel('Choose a dataset folder').setInputFiles(folder);
    await expect(page.getByRole('region', { name: 'Dataset' }).getByText(/VOC2012 \(204 files\)/)).toBeVisible();
    // WebAssembly here: 101 photos on SwiftShader's WebGPU would take minutes (the demo test covers WebGPU).
    await lab.choose({ split: '', model: 'tiny-vit', grid: 1, backend: 'wasm' });
    await lab.compute();

    await expect(page.getByLabel('Execution provider')).toContainText('WebAssembly');
    // The run's images are the ones with scores (the gallery's 100 tiles): the corrupt JPEG is counted apart.
    await lab.waitForResult('Done: 100 images (1 skipped: see below), 100 encoded now.');
    await expect(page.getByRole('list', { name: 'Skipped files' })).toContainText(
      /JPEGImages\/broken_000001\.jpg: corrupt or truncated JPEG/,
    );
    await expect(page.getByRole('table', { name: 'mAP of the pseudo labels' })).not.toContainText('…');
    await expect(page.getByText(/^100 images · step AP/)).toBeVisible();
    // On another view the skipped file is still said, with the way back to the list.
    await lab.show('Gallery');
    await expect(page.getByRole('status', { name: 'Skipped files' })).toContainText('1 file(s) could not be read and were skipped');
    await page.getByRole('status', { name: 'Skipped files' }).getByRole('button', { name: 'Open the workspace' }).click();
    await expect(page.getByRole('list', { name: 'Skipped files' })).toBeVisible();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
