import { expect, test, type Page } from '@playwright/test';
import { RUN_TIMEOUT, WorkspacePage } from './support/workspace-page';

/**
 * Issue 16, item 5: the pipeline worker dies mid-run. The `?e2e` hook makes the worker throw an
 * uncaught error (as an abort inside onnxruntime would), so the page gets the worker's real `error`
 * event: the client ends the worker and starts a fresh one, and the run stops resumable — the message
 * says what happened and what is kept, the stored chunks stay, and Resume encodes only the rest.
 */
/** A 50-image run (chunks of 8, WebAssembly) with two chunks or more through the encoder; page errors collected. */
async function startRun(page: Page): Promise<{ lab: WorkspacePage; pageErrors: string[] }> {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const lab = await new WorkspacePage(page).open('?e2e&chunk=8');
  await lab.choose({ backend: 'wasm', images: 50, grid: 2 });
  await lab.compute();
  await expect(lab.progress).toContainText(/^(1[6-9]|[2-4]\d) \/ 50 images/, { timeout: RUN_TIMEOUT });
  return { lab, pageErrors };
}

test('a worker that dies mid-run: a message, the stored chunks kept, Resume (by keyboard) finishes the run', async ({ page }) => {
  test.setTimeout(300_000);
  const { lab, pageErrors } = await startRun(page);
  const { progress } = lab;

  // What the panel counts as stored just before the crash: "· N stored" while a chunk is in progress, else all shown.
  const before = (await progress.textContent())!;
  const storedBefore = Number(/· (\d+) stored/.exec(before)?.[1] ?? before.split(' / ')[0]);
  const crashed = Date.now();
  await page.evaluate(() => (window as unknown as { cdulE2e: { crashPipelineWorker(): void } }).cdulE2e.crashPipelineWorker());

  const message = page.getByRole('alert', { name: 'Pipeline worker stopped' });
  await expect(message).toContainText(/^The pipeline worker stopped unexpectedly \(.*a crash injected by the end-to-end test\) after \d+ of 50 images: /);
  const toMessage = Date.now() - crashed;
  await expect(message).toContainText(/the \d+ stored images are kept; Resume continues from there\./);
  await expect(progress).toContainText('· paused');
  const stored = Number((await progress.textContent())!.split(' / ')[0]);
  expect(stored % 8).toBe(0);
  expect(stored).toBeGreaterThanOrEqual(storedBefore);
  await expect(message).toContainText(`the ${stored} stored images are kept`);
  await expect(page.getByRole('alert', { name: 'Run failed' })).toHaveCount(0);

  // Resume is reached from "Run on" with Tab (Compute is disabled while the run is paused) and pressed with Enter.
  const resume = page.getByRole('button', { name: 'Resume' });
  await page.getByLabel('Run on').focus();
  for (let tabs = 0; tabs < 5 && !(await resume.evaluate((button) => button === document.activeElement)); tabs++) await page.keyboard.press('Tab');
  await expect(resume).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(message).toHaveCount(0);

  // A chunk in flight at the crash may have landed after the count: at least the chunks shown as stored come from the cache.
  await lab.waitForResult(/Done: 50 images, \d+ encoded now/);
  const toDone = Date.now() - crashed;
  const encodedNow = Number(/Done: 50 images, (\d+) encoded now/.exec((await lab.result.textContent())!)![1]);
  const cached = 50 - encodedNow;
  expect(cached).toBeGreaterThanOrEqual(stored);
  expect(cached % 8).toBe(0);
  await expect(progress).toContainText(`${cached} from the browser cache`);
  expect(pageErrors).toEqual([]);
  // Figures for the record (Playwright's polling included), not assertions.
  console.log(`  crash → message: ${toMessage} ms; crash → Done: ${toDone} ms (shown stored before ${storedBefore}, kept ${stored}, from the cache at Resume ${cached})`);
});

test('a reload after the crash resumes the run by itself from its stored chunks (the run journal kept it)', async ({ page }) => {
  test.setTimeout(300_000);
  const { lab, pageErrors } = await startRun(page);
  await page.evaluate(() => (window as unknown as { cdulE2e: { crashPipelineWorker(): void } }).cdulE2e.crashPipelineWorker());
  await expect(page.getByRole('alert', { name: 'Pipeline worker stopped' })).toContainText(/stored images? (is|are) kept/);
  const stored = Number((await lab.progress.textContent())!.split(' / ')[0]);

  await page.reload();
  await expect(page.getByRole('status', { name: 'Resumed run' })).toContainText('Demo dataset (built in)');
  await lab.waitForResult(/Done: 50 images, \d+ encoded now/);
  const cached = 50 - Number(/Done: 50 images, (\d+) encoded now/.exec((await lab.result.textContent())!)![1]);
  expect(cached).toBeGreaterThanOrEqual(stored);
  expect(cached % 8).toBe(0);
  expect(pageErrors).toEqual([]);
});

test('a crash with no run going restarts the worker and reopens the finished run: the views keep working', async ({ page }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const lab = await new WorkspacePage(page).open('?e2e&chunk=8');
  await lab.computeRun({ backend: 'wasm', images: 8, grid: 2 }, 'Done: 8 images, 8 encoded now');

  const crashed = Date.now();
  await page.evaluate(() => (window as unknown as { cdulE2e: { crashPipelineWorker(): void } }).cdulE2e.crashPipelineWorker());
  await expect(page.getByRole('status', { name: 'Pipeline worker restarted' })).toHaveText(
    'The pipeline worker stopped unexpectedly (Uncaught Error: a crash injected by the end-to-end test) and was restarted: the run the views show is reopened from the browser cache (nothing is encoded again).',
  );
  await lab.waitForResult('Done: 8 images, all from the browser cache');
  console.log(`  crash with no run going → run reopened: ${Date.now() - crashed} ms`);
  // Not blocking: Compute stays available, and the gallery shows the run (its questions go to the new worker).
  await expect(page.getByRole('button', { name: 'Compute pseudo labels' })).toBeEnabled();
  await lab.show('Gallery');
  await expect(page.getByRole('status', { name: 'Images shown' })).toHaveText('8 images');
  await expect(page.getByRole('grid', { name: 'Gallery' }).getByRole('gridcell').first()).toBeVisible();
  await expect(page.getByRole('status', { name: 'Pipeline worker stopped' })).toContainText('and was restarted');
  expect(pageErrors).toEqual([]);
});
