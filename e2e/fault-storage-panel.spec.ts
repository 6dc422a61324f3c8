import { expect, test, type Page } from '@playwright/test';
import { fillTrainingForm, waitForStatus } from './support/training-page';
import { RUN_TIMEOUT, WorkspacePage } from './support/workspace-page';

/**
 * Issue 16 item 6: the storage panel lists each stored run of embeddings (dataset · split · model ·
 * grid, images, bytes) with its own Delete, and counts the training runs and their bytes. Deleting one
 * run leaves the other whole (it reopens from the cache, nothing encoded); deleting the run the views
 * show asks first, then closes it (the views fall back to "no run", a reload does not bring it back).
 */

/** demo-clip's embeddings are 24-d; a run stores per image its global and N² snippet vectors as float32. */
const EMBED_DIM = 24;
const runBytes = (images: number, grid: number) => images * (1 + grid * grid) * EMBED_DIM * 4;
/** The panel's unit for these sizes (kB, one decimal), computed here from the bytes. */
const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const runName = (grid: number) => `Demo dataset (built in) · val · demo-clip · ${grid}×${grid}`;

const storedRuns = (page: Page) => page.getByRole('table', { name: 'Stored runs of embeddings' });
const runRow = (page: Page, grid: number) => storedRuns(page).getByRole('row', { name: new RegExp(`^${escape(runName(grid))}`) });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Bytes of every typed array in the training databases, read straight from IndexedDB: a lower bound of what the panel counts. */
async function trainingArrayBytes(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const readAll = (name: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('keyval').objectStore('keyval').getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        };
      });
    const arrays = (value: unknown): number =>
      ArrayBuffer.isView(value) ? value.byteLength : value && typeof value === 'object' ? Object.values(value).reduce((sum: number, item) => sum + arrays(item), 0) : 0;
    const values = [...(await readAll('cdul-training-runs')), ...(await readAll('cdul-training-checkpoints'))];
    return values.reduce((sum: number, value) => sum + arrays(value), 0);
  });
}

test('the storage panel lists runs with their bytes, deletes one at a time, and counts training runs', async ({ page }) => {
  test.setTimeout(2 * RUN_TIMEOUT);
  const lab = await new WorkspacePage(page).open();
  await lab.computeRun({ backend: 'wasm', images: 8, grid: 1, split: 'val' }, 'Done: 8 images, 8 encoded now.');
  await lab.choose({ grid: 2 });
  await lab.compute();
  await expect(runRow(page, 2)).toBeVisible({ timeout: RUN_TIMEOUT });
  await lab.waitForResult('Done: 8 images, 8 encoded now.');

  // Both runs, each with its images and bytes; the one the views show (grid 2) says so.
  for (const grid of [1, 2]) {
    await expect(runRow(page, grid).getByRole('cell')).toHaveText(['8', kilobytes(runBytes(8, grid)), 'Delete']);
  }
  await expect(runRow(page, 2)).toContainText('(shown in the views)');
  await expect(runRow(page, 1)).not.toContainText('shown');
  await expect(page.getByLabel('Browser storage')).toContainText('2 run(s) of embeddings');

  // Deleting the other run (grid 1) touches only its own chunks: grid 2 reopens from the cache after a reload.
  await runRow(page, 1).getByRole('button', { name: 'Delete' }).click();
  await expect(runRow(page, 1)).toHaveCount(0);
  await expect(page.getByLabel('Browser storage')).toContainText('1 run(s) of embeddings');
  await lab.reloadAndReopen();
  await expect(lab.result).toContainText('Done: 8 images, all from the browser cache (nothing recomputed).');
  await expect(storedRuns(page).getByRole('row')).toHaveCount(2); // the header and grid 2

  // A short CPU training run: counted, with its bytes.
  await lab.show('Training');
  await fillTrainingForm(page, { Backend: 'cpu', Epochs: '3', 'Batch size': '16' });
  await page.getByRole('region', { name: 'Train a classifier' }).getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, '#1', 'finished');
  await lab.show('Workspace');
  const training = page.getByLabel('Training runs stored');
  await expect(training).toContainText(/^1 training run\(s\), \d+\.\d kB/);
  const shownKb = Number(/, (\d+\.\d) kB/.exec((await training.textContent()) ?? '')![1]);
  const arraysKb = (await trainingArrayBytes(page)) / 1000;
  test.info().annotations.push({ type: 'training storage', description: `panel ${shownKb} kB, typed arrays ${arraysKb.toFixed(1)} kB` });
  // The panel counts the arrays (parameters, Adam moments, z, Y0, curves) plus the records' other fields.
  expect(shownKb).toBeGreaterThanOrEqual(Math.floor(arraysKb * 10) / 10);
  expect(shownKb).toBeLessThan(arraysKb + 64);

  // Deleting the shown run asks first, then closes it: the views say "no run" and a reload keeps it closed.
  await runRow(page, 2).getByRole('button', { name: 'Delete' }).click();
  await expect(runRow(page, 2)).toContainText('This run is shown in the views: deleting it closes it.');
  await runRow(page, 2).getByRole('button', { name: 'Delete and close' }).click();
  await expect(page.getByText('No run of embeddings is stored in this browser.')).toBeVisible();
  await expect(lab.result).toHaveCount(0);
  await lab.show('Gallery');
  await expect(page.getByRole('region', { name: 'Gallery: no results yet' })).toBeVisible();
  await page.reload();
  await lab.show('Workspace');
  await expect(page.getByText('No run of embeddings is stored in this browser.')).toBeVisible();
  await expect(lab.result).toHaveCount(0);
  await expect(training).toContainText('1 training run(s)');

  // Its chunks are gone: computing it again encodes every image.
  await lab.compute();
  await lab.waitForResult('Done: 8 images, 8 encoded now.');
});
