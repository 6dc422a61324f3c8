import { expect, test, type Page } from '@playwright/test';
import { computeSplit, epochRows, fillTrainingForm, openTraining, waitForStatus } from './support/training-page';

/**
 * The training runs a demanding user relies on, on the demo's first 50 train / 50 val images with
 * demo-clip: a sweep run one run after another with a sortable table and each run's curves a click
 * away; a run stopped, carried over a reload and resumed = the same run uninterrupted; and a GPU lost
 * mid-run (a real GPUDevice.destroy()) continuing on the CPU from the last finished epoch.
 */
test('a sweep runs one run after another into a sortable table; any run’s curves open with a click', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/?e2e');
  await computeSplit(page, 'val');
  await computeSplit(page, 'train');
  await openTraining(page);
  await fillTrainingForm(page, { Epochs: '3', 'Warm-up epochs': '1', 'Batch size': '16' });
  const sweep = page.getByRole('region', { name: 'Sweep' });
  await sweep.getByLabel('Learning rates').fill('0.01, 0.001');
  await sweep.getByLabel('η values').fill('0, 1');
  await expect(sweep.getByRole('status').first()).toHaveText('4 runs planned (4 grid points)');
  await sweep.getByRole('button', { name: 'Run the sweep' }).click();
  const runs = page.getByRole('region', { name: 'Training runs' });
  for (let i = 1; i <= 4; i++) await expect(runs.getByRole('row', { name: new RegExp(`sweep 1 · ${i}/4 .*finished`) })).toBeVisible({ timeout: 60_000 });
  await expect(sweep.getByRole('button', { name: 'Run the sweep' })).toBeEnabled();

  // Sorted by best pseudo-label mAP, descending: the first row holds the largest value.
  await runs.getByRole('button', { name: 'best pseudo-label mAP' }).click();
  const column = await runs.getByRole('columnheader').allTextContents();
  const at = column.indexOf('best pseudo-label mAP');
  const values = await runs.getByRole('row').evaluateAll((rows, index) => rows.slice(1).map((row) => Number(row.querySelectorAll('td')[index]!.textContent)), at);
  expect(values).toHaveLength(4);
  expect(values).toEqual([...values].sort((a, b) => b - a));
  // η = 0 runs keep Y0's mAP; label updates change it.
  const settingsOf = await runs.getByRole('row').evaluateAll((rows) => rows.slice(1).map((row) => row.textContent ?? ''));
  console.log(`  sweep table (by best pseudo-label mAP):\n    ${settingsOf.join('\n    ')}`);

  await runs.getByRole('button', { name: 'Curves of sweep 1 · 3/4' }).click();
  const figures = await epochRows(page, 'sweep 1 · 3/4');
  expect(figures.map((row) => row.epoch)).toEqual([1, 2, 3]);
  await expect(page.getByRole('figure', { name: /^Training loss/ }).getByRole('img', { name: /^Curve: / })).toHaveCount(1);
});

test('stop, reload, resume = the run uninterrupted; a GPU lost mid-run goes on on the CPU', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/?e2e');
  await computeSplit(page, 'val');
  await computeSplit(page, 'train');
  await openTraining(page);
  await fillTrainingForm(page, { Epochs: '120', 'Warm-up epochs': '1', 'Update labels every k epochs': '2', 'Batch size': '16', Backend: 'webgpu' });
  const form = page.getByRole('region', { name: 'Train a classifier' });

  await form.getByRole('button', { name: 'Train' }).click();
  await waitForStatus(page, '#1', 'finished');
  const uninterrupted = await epochRows(page, '#1');

  await form.getByRole('button', { name: 'Train' }).click();
  await atLeastEpochs(page, '#2', 3);
  await form.getByRole('button', { name: 'Stop' }).click();
  await waitForStatus(page, '#2', 'stopped');
  const stoppedAt = (await epochRows(page, '#2')).length;
  expect(stoppedAt).toBeLessThan(120);
  await page.reload();
  await openTraining(page);
  // The reload reopens the finished pipeline run (same selection), so #2 can resume on its images.
  await expect(page.getByRole('button', { name: 'Resume #2' })).toBeEnabled({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Resume #2' }).click();
  await waitForStatus(page, '#2', 'finished');
  expect(await epochRows(page, '#2')).toEqual(uninterrupted);
  console.log(`  #2 stopped after epoch ${stoppedAt}, resumed after a reload: its 120 epochs equal #1's`);

  await form.getByRole('button', { name: 'Train' }).click();
  await atLeastEpochs(page, '#3', 3);
  await page.evaluate(() => (window as unknown as { cdulE2e: { loseTrainingDevice(): void } }).cdulE2e.loseTrainingDevice());
  await waitForStatus(page, '#3', 'finished');
  const detail = page.getByRole('region', { name: 'Run #3' });
  await expect(detail).toContainText(/WebGPU failed at epoch \d+ \(.+\): continued on the CPU from epoch \d+/);
  await expect(page.getByRole('status', { name: 'training progress' })).toContainText('Epoch 120 of 120 · CPU');
  console.log(`  ${await detail.getByRole('note', { name: 'Backend' }).textContent()}`);
  const recovered = await epochRows(page, '#3');
  recovered.forEach((row, i) => {
    const want = uninterrupted[i]!;
    expect(Math.abs(row.loss - want.loss), `epoch ${row.epoch} loss`).toBeLessThanOrEqual(2e-6 + 1e-4 * want.loss);
    expect(Math.abs(row.pseudo - want.pseudo), `epoch ${row.epoch} pseudo-label mAP`).toBeLessThan(1);
  });
});

/** Waits until the run's table shows `epochs` epochs or more (header and the Y0 row come first). */
async function atLeastEpochs(page: Page, name: string, epochs: number): Promise<void> {
  const rows = page.getByRole('table', { name: `figures per epoch of ${name}` }).getByRole('row');
  await expect.poll(() => rows.count(), { timeout: 60_000, intervals: [50] }).toBeGreaterThanOrEqual(2 + epochs);
}
