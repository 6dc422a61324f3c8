import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeFolderCopy } from '../scripts/dataset-fixtures/voc-layouts';
import { WorkspacePage } from './support/workspace-page';

/**
 * A plain folder of voc-mini's JPEGs (two levels of sub-folders) and no annotations: read with its
 * classes.txt (5 classes, one with its own prompt text), or, without one, with a class list typed in
 * the lab. No ground truth: the workspace says so; the pseudo labels are computed all the same.
 */
const VOC_MINI = 'e2e/fixtures/voc-mini';
const IMAGES = 8;
const NO_TRUTH = 'No ground truth: the lab shows predicted labels, positives per class and agreement instead of mAP.';

async function chooseFolder(page: Page, folder: string, files: string): Promise<void> {
  await page.getByLabel('Choose a dataset folder').setInputFiles(folder);
  await expect(page.getByRole('region', { name: 'Dataset', exact: true }).getByText(files, { exact: true })).toBeVisible();
}

test('a folder of photos with classes.txt: pseudo labels without ground truth, the prompts from its class list', async ({ page }) => {
  test.setTimeout(300_000);
  const root = mkdtempSync(join(tmpdir(), 'cdul-e2e-plain-'));
  try {
    await writeFolderCopy(VOC_MINI, join(root, 'photos-with-classes'));
    const lab = await new WorkspacePage(page).open();
    await chooseFolder(page, join(root, 'photos-with-classes'), 'photos-with-classes (101 files)');
    await expect(page.getByLabel('Layout found')).toHaveText('Found a folder of photos with classes.txt.');
    // No splits in a plain folder; the class list may replace classes.txt, empty it reads the file.
    await expect(page.getByRole('combobox', { name: 'Split', exact: true }).getByRole('option')).toHaveText(['every photo (no splits)']);
    await expect(page.getByRole('textbox', { name: 'Class list' })).toHaveValue('');
    await lab.computeRun({ model: 'tiny-vit', grid: 1, images: IMAGES, backend: 'wasm', split: '' }, `Done: ${IMAGES} images, ${IMAGES} encoded now`);

    await expect(page.getByRole('status', { name: 'Dataset read' })).toHaveText(`Read as a plain folder of photos: ${IMAGES} images, 5 classes.`);
    await expect(page.getByLabel('Dataset classes')).toHaveText('Classes: person, dog, cat, car, dining table');
    await expect(page.getByRole('note', { name: 'Dataset without ground truth' })).toHaveText(NO_TRUTH);
    // The pseudo labels' prompts: one per class, "diningtable" with classes.txt's prompt text.
    await expect(page.getByRole('status', { name: 'Prompts in force' })).toContainText('(5 prompts)');
    await page.getByText(/^Class names \(\d+ edited\)$/).click();
    await expect(page.getByRole('textbox', { name: 'Name of class diningtable' })).toHaveValue('dining table');
    await expect(page.getByRole('textbox', { name: 'Name of class person' })).toHaveValue('person');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a folder of photos without classes.txt: the classes typed in the lab are the run’s', async ({ page }) => {
  test.setTimeout(300_000);
  const root = mkdtempSync(join(tmpdir(), 'cdul-e2e-plain-'));
  try {
    const folder = join(root, 'photos');
    await writeFolderCopy(VOC_MINI, folder);
    rmSync(join(folder, 'classes.txt'));
    const lab = await new WorkspacePage(page).open();
    await chooseFolder(page, folder, 'photos (100 files)');
    await expect(page.getByLabel('Layout found')).toContainText('no classes.txt here: type the classes below');

    // A bad list is named inline and keeps the run from starting; the fixed one is read as classes.txt is.
    const classList = page.getByRole('textbox', { name: 'Class list' });
    await classList.fill('boat\nbottle\nboat');
    await expect(page.getByText("the class list typed in the lab: class 'boat' is listed twice (lines 1 and 3)").first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Compute pseudo labels' })).toBeDisabled();
    await classList.fill('boat\nbottle\tglass bottle\n# a comment\nsofa');
    await expect(page.getByText(/^3 class\(es\)\. One class per line/)).toBeVisible();
    // Asked for by name, the plain folder needs no classes.txt either (and the choice is kept, like the list).
    await page.getByRole('combobox', { name: 'Dataset format' }).selectOption({ label: 'Plain folder + classes' });
    await expect(page.getByLabel('Layout found')).toHaveText('No classes.txt here: type the classes below.');

    await lab.computeRun({ model: 'tiny-vit', grid: 1, images: IMAGES, backend: 'wasm' }, `Done: ${IMAGES} images`);
    await expect(page.getByRole('status', { name: 'Dataset read' })).toHaveText(`Read as a plain folder of photos: ${IMAGES} images, 3 classes.`);
    await expect(page.getByLabel('Dataset classes')).toHaveText('Classes: boat, bottle, sofa');
    await expect(page.getByRole('note', { name: 'Dataset without ground truth' })).toHaveText(NO_TRUTH);
    await expect(page.getByRole('status', { name: 'Prompts in force' })).toContainText('(3 prompts)');
    await page.getByText(/^Class names \(\d+ edited\)$/).click();
    await expect(page.getByRole('textbox', { name: 'Name of class bottle' })).toHaveValue('glass bottle');

    // Another list for the same photos: their stored embeddings serve, the classes and prompts are the new ones.
    await classList.fill('boat\nbottle\tglass bottle\nsofa\nchair');
    await lab.compute();
    await lab.waitForResult(`Done: ${IMAGES} images, all from the browser cache`);
    await expect(page.getByRole('status', { name: 'Dataset read' })).toHaveText(`Read as a plain folder of photos: ${IMAGES} images, 4 classes.`);
    await expect(page.getByRole('status', { name: 'Prompts in force' })).toContainText('(4 prompts)');

    // The typed list is kept: a reload shows it again (the lab store is persisted in IndexedDB).
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Class list' })).toHaveValue('boat\nbottle\tglass bottle\nsofa\nchair');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
