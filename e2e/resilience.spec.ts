import { expect, test, type Page } from '@playwright/test';
import type { E2eHooks } from '../src/app/state/e2e-hooks';
import { cliMaps } from './support/cli-reference';
import { MODES, RUN_TIMEOUT, WorkspacePage } from './support/workspace-page';

/**
 * A run that meets trouble midway: a lost GPU device (really destroyed, through the `?e2e` hook) and a
 * full storage quota (a real QuotaExceededError, through DevTools' per-origin quota override).
 * `?chunk=2` cuts the first 8 demo images into 4 chunks, so there is a "before" and an "after".
 */
const FIRST = 8;
const CHUNK = 2;

declare global {
  interface Window {
    cdulE2e: E2eHooks;
  }
}

async function startRun(page: Page): Promise<void> {
  const lab = await new WorkspacePage(page).open(`?e2e&chunk=${CHUNK}`);
  await expect(page.getByText('Demo dataset (built in)')).toBeVisible();
  await lab.choose({ model: 'tiny-vit', grid: 2, images: FIRST, backend: 'webgpu' });
  await lab.compute();
  await expect(page.getByLabel('Execution provider')).toContainText('WebGPU', { timeout: 60_000 });
}

type LogEntry = { readonly done: number } | { readonly provider: string };

/** Every progress (images done) and backend message of the worker so far, in order. */
function workerLog(page: Page): Promise<LogEntry[]> {
  return page.evaluate(() =>
    window.cdulE2e.messages.flatMap((message): LogEntry[] =>
      message.type === 'progress' ? [{ done: message.progress.done }] : message.type === 'backend' ? [{ provider: message.provider }] : [],
    ),
  );
}

const firstChunkStored = (page: Page) =>
  page.waitForFunction(() => window.cdulE2e.messages.some((m) => m.type === 'progress' && m.progress.done > 0), null, { timeout: RUN_TIMEOUT });

test('a lost GPU device: the run goes on on WebAssembly from the chunk in progress, with the same mAPs', async ({ page }) => {
  test.setTimeout(300_000);
  await startRun(page);
  await firstChunkStored(page);
  // Chunk 2 is on the GPU by now (~3 s a chunk on SwiftShader): the loss fails a running session.run.
  const lostAt = Date.now();
  await page.evaluate(() => window.cdulE2e.loseGpuDevice());

  await expect(page.getByRole('alert').filter({ hasText: 'Running on WebAssembly' })).toContainText(
    'not WebGPU: the GPU device was lost (destroyed: Device was destroyed); continuing on WebAssembly from the chunk in progress',
    { timeout: 60_000 },
  );
  const fallbackMs = Date.now() - lostAt;
  await expect(page.getByLabel('Execution provider')).toContainText('WebAssembly');
  const result = page.getByRole('status', { name: 'Run result' });
  await expect(result).toContainText(`Done: ${FIRST} images, ${FIRST} encoded now`, { timeout: RUN_TIMEOUT });

  // Each chunk was stored once, and the ones stored before the loss were not encoded again: progress
  // counts 2, 4, 6, 8 once each (then the closing report), and WebAssembly took over midway.
  const log = await workerLog(page);
  const backends = log.flatMap((entry) => ('provider' in entry ? [entry.provider] : []));
  expect(backends).toEqual(['webgpu', 'wasm']);
  const fallbackIndex = log.findIndex((entry) => 'provider' in entry && entry.provider === 'wasm');
  const dones = log.flatMap((entry) => ('done' in entry ? [entry.done] : []));
  expect(dones).toEqual([2, 4, 6, 8, 8]);
  const storedBeforeLoss = log.slice(0, fallbackIndex).filter((entry) => 'done' in entry).length * CHUNK;
  expect(storedBeforeLoss).toBeGreaterThanOrEqual(CHUNK);
  expect(storedBeforeLoss).toBeLessThan(FIRST);
  test.info().annotations.push({ type: 'fallback', description: `${fallbackMs} ms from destroy() to the banner; ${storedBeforeLoss} images stored on WebGPU before` });

  const table = page.getByRole('table', { name: 'mAP of the pseudo labels' });
  const expected = cliMaps(FIRST, 'tiny-vit', 2);
  for (const mode of MODES) {
    await expect(table.getByRole('row', { name: mode })).toContainText(expected[mode].toFixed(2));
  }
});

test('a full storage stops the run with what to do next, keeps the stored chunks, and computing again resumes', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  await startRun(page);
  await firstChunkStored(page);
  // Paused between chunks, so the quota is cut at a known point: after at least one stored chunk.
  await page.getByRole('button', { name: 'Pause' }).click();
  const progress = page.getByRole('status', { name: 'Run progress' });
  await expect(progress).toContainText('· paused', { timeout: 60_000 });
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL!).origin;
  const used = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: used });
  // Chromium's IndexedDB trusts the space it was last granted for up to 30 s (BucketContext's
  // kBucketSpaceCacheTimeLimit) before it asks the quota manager again: wait that out, still paused.
  await page.waitForTimeout(31_000);
  await page.getByRole('button', { name: 'Resume' }).click();

  const banner = page.getByRole('alert').filter({ hasText: 'The run stopped' });
  await expect(banner).toContainText("The run stopped because the browser's storage for this site is full", { timeout: 60_000 });
  await expect(banner).toContainText('everything computed so far is kept');
  await expect(banner).toContainText('press “Compute pseudo labels” again: it resumes after the images already stored');
  // Stopped: no stage, no Pause or Cancel, and Compute can be pressed again.
  await expect(page.getByRole('status', { name: 'Run stage' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Compute pseudo labels' })).toBeEnabled();
  const stored = (await workerLog(page)).flatMap((entry) => ('done' in entry ? [entry.done] : [])).at(-1) ?? 0;
  expect(stored).toBeGreaterThanOrEqual(CHUNK);
  expect(stored).toBeLessThan(FIRST);
  await expect(progress).toContainText(`${stored} / ${FIRST} images`);
  await expect(page.getByLabel('Browser storage')).toContainText(/^1 run\(s\) of embeddings/);

  // With room again (the override lifted), the same run resumes: only the missing images are encoded.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await page.getByRole('button', { name: 'Compute pseudo labels' }).click();
  const result = page.getByRole('status', { name: 'Run result' });
  await expect(result).toContainText(`Done: ${FIRST} images, ${FIRST - stored} encoded now`, { timeout: RUN_TIMEOUT });
  await expect(progress).toContainText(`${FIRST} / ${FIRST} images (100%)`);
  await expect(progress).toContainText(`· ${stored} from the browser cache`);
  await expect(banner).toHaveCount(0);
});
