import { expect, test } from '@playwright/test';
import { fillTrainingForm, waitForStatus } from './support/training-page';
import { WorkspacePage } from './support/workspace-page';

/**
 * The Training view's example (issue 14 item 7): on the first demo it says why training draws flat
 * lines there and opens the training demo in one click; the training demo's Y0 is far from 100, and a
 * short CPU run on it keeps an epoch chosen by the held-out KL.
 */
test('the Training view opens the training demo; a run there keeps the epoch of the lowest held-out KL', async ({ page }) => {
  test.setTimeout(240_000);
  const lab = await new WorkspacePage(page).open('?e2e');
  await lab.show('Training');
  const note = page.getByRole('note', { name: 'Training demo' });
  await expect(note).toContainText('already perfect');
  await note.getByRole('button', { name: 'Open the training demo' }).click();
  await expect(page.getByRole('region', { name: 'Dataset' })).toContainText('Training demo (built in, harder scenes)');
  expect(new URL(page.url()).searchParams.get('dataset')).toBe('training-demo');
  await lab.computeRun({ backend: 'wasm', images: 50, grid: 2, split: 'train' }, 'Done: 50 images');
  await lab.show('Training');
  await expect(page.getByRole('note', { name: 'Training demo' })).toHaveCount(0);
  await fillTrainingForm(page, { Backend: 'cpu', Epochs: '8', 'Batch size': '8' });
  await page.getByRole('region', { name: 'Train a classifier' }).getByRole('button', { name: 'Train' }).click();
  await waitForStatus(page, '#1', 'finished');
  const y0 = Number(await page.getByRole('table', { name: 'figures per epoch of #1' }).locator('tbody tr').first().locator('td').nth(4).textContent());
  // 50 images at grid 2: Y0 is well short of 100 (64.16 on all 200 train images).
  expect(y0).toBeGreaterThan(30);
  expect(y0).toBeLessThan(90);
  await expect(page.getByLabel('Kept epoch of #1')).toContainText(/Kept: epoch \d, the lowest KL against Y0 on the 10 % held-out train images/);
  await expect(page.getByRole('figure', { name: /^Held-out KL against Y0/ }).getByLabel(/^#1 keeps epoch \d$/)).toHaveCount(1);
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/training-demo.png`, fullPage: true });
});
