import { expect, test } from '@playwright/test';
import { RUN_TIMEOUT, WorkspacePage } from './support/workspace-page';

/**
 * A reload in the middle of a run: the selection comes back, and the run resumes by itself, skipping
 * every image whose chunk was stored before the reload.
 */
test('a reload mid-run restores the selection and resumes the run without re-encoding stored images', async ({ page }) => {
  test.setTimeout(240_000);
  const lab = await new WorkspacePage(page).open('?chunk=8');
  await lab.choose({ backend: 'wasm', images: 50, grid: 2 });
  await lab.compute();
  const { progress } = lab;
  await expect(progress).toContainText(/^(1[6-9]|[2-4]\d) \/ 50 images/, { timeout: RUN_TIMEOUT });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(progress).toContainText('paused');
  const stored = Number((await progress.textContent())!.split(' / ')[0]);
  expect(stored % 8).toBe(0);

  await page.reload();
  await expect(page.getByRole('status', { name: 'Resumed run' })).toContainText('Demo dataset (built in)');
  await expect(page.getByLabel('Run on')).toHaveValue('wasm');
  await expect(page.getByLabel('Images to encode')).toHaveValue('50');
  await expect(page.getByLabel('Snippet grid')).toHaveValue('2');
  // A chunk whose write was in flight at the pause may land after the panel counted it: at least the
  // chunks shown as stored come from the cache, whole chunks, and only the rest is encoded.
  await lab.waitForResult(/Done: 50 images, \d+ encoded now/);
  const encodedNow = Number(/Done: 50 images, (\d+) encoded now/.exec((await lab.result.textContent())!)![1]);
  const cached = 50 - encodedNow;
  expect(cached).toBeGreaterThanOrEqual(stored);
  expect(cached % 8).toBe(0);
  await expect(progress).toContainText(`${cached} from the browser cache`);

  // A finished run is reopened from the browser cache on the next reload: nothing is encoded again.
  await lab.reloadAndReopen();
  await expect(page.getByRole('status', { name: 'Reopened run' })).toContainText('Demo dataset (built in)');
  await expect(lab.result).toContainText('Done: 50 images, all from the browser cache');

  // Another selection than the finished run's: the reload restores it and starts nothing.
  await page.getByLabel('Snippet grid').selectOption('3');
  await page.reload();
  await expect(page.getByLabel('Snippet grid')).toHaveValue('3');
  await expect(page.getByRole('status', { name: 'Reopened run' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Compute pseudo labels' })).toBeEnabled();
});
