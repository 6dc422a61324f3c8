import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { fillTrainingForm, openTraining, waitForStatus } from './support/training-page';
import { RUN_TIMEOUT, WorkspacePage } from './support/workspace-page';

/**
 * Two tabs of the lab in one browser profile (one context: the same IndexedDB, Web Locks and
 * BroadcastChannel), the way a user opens a second tab while a long run goes on. One tab writes a run;
 * the other follows it and never writes it; closing the writer mid-run hands the run to the follower.
 */
const count = (text: string | null): number => Number(/^(\d+) \/ 50 images/.exec(text ?? '')?.[1] ?? NaN);

/** The worker message types a page recorded (`?e2e`: window.cdulE2e.messages). */
const workerMessageTypes = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { cdulE2e: { messages: { type: string }[] } }).cdulE2e.messages.map((message) => message.type));

/** Tab A computes 50 images (chunks of 8, WebAssembly) and has encoded some of them. */
async function startRunInFirstTab(context: BrowserContext): Promise<{ pageA: Page; a: WorkspacePage }> {
  const pageA = await context.newPage();
  const a = await new WorkspacePage(pageA).open('?e2e&chunk=8');
  await a.choose({ backend: 'wasm', images: 50, grid: 2 });
  await a.compute();
  await expect(a.progress).toContainText(/^([1-9]|[1-3]\d) \/ 50 images/, { timeout: RUN_TIMEOUT });
  return { pageA, a };
}

/** Tab B: the lab opened again in the same browser context. */
async function openSecondTab(context: BrowserContext): Promise<{ pageB: Page; b: WorkspacePage }> {
  const pageB = await context.newPage();
  return { pageB, b: await new WorkspacePage(pageB).open('?e2e&chunk=8') };
}

test('a second tab follows the run the first computes without encoding, and takes it over when the first closes', async ({ context }) => {
  test.setTimeout(300_000);
  const { pageA, a } = await startRunInFirstTab(context);

  // Tab B opens: its resume-on-load finds the run in the journal, but tab A holds the run's lock.
  const { pageB, b } = await openSecondTab(context);
  const elsewhere = pageB.getByRole('status', { name: 'Run in another tab' });
  await expect(elsewhere).toContainText('Running in another tab: the run on Demo dataset (built in)');
  const followed = elsewhere.getByRole('status', { name: 'Progress in the other tab' });
  await expect(followed).toContainText(/^\d+ \/ 50 images/);
  // It follows A's numbers as they move, and shows what A shows.
  const first = count(await followed.textContent());
  await expect.poll(async () => count(await followed.textContent()), { timeout: RUN_TIMEOUT }).toBeGreaterThan(first);
  await expect.poll(async () => count(await followed.textContent()) === count(await a.progress.textContent()), { timeout: RUN_TIMEOUT }).toBe(true);
  await expect(pageB.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  await expect(pageB.getByRole('status', { name: 'Resumed run' })).toHaveCount(0);

  // Close A mid-run: B takes the run over from the stored chunks.
  const storedInA = storedCount(await a.progress.textContent());
  expect(count(await a.progress.textContent())).toBeLessThan(50);
  const beforeTakeOver = await workerMessageTypes(pageB);
  expect(beforeTakeOver.filter((type) => ['progress', 'encoding', 'complete'].includes(type))).toEqual([]);
  await pageA.close();
  await expect(pageB.getByRole('status', { name: 'Run taken over' })).toContainText('Demo dataset (built in)');
  await b.waitForResult(/Done: 50 images, \d+ encoded now/);
  const encodedNow = Number(/Done: 50 images, (\d+) encoded now/.exec((await b.result.textContent())!)![1]);
  const cached = 50 - encodedNow;
  expect(encodedNow).toBeGreaterThan(0);
  expect(cached).toBeGreaterThanOrEqual(storedInA);
  expect(cached % 8).toBe(0);
  await expect(b.progress).toContainText(cached > 0 ? `${cached} from the browser cache` : /50 \/ 50 images/);
  console.log(`  A stored ${storedInA} images (${first} when B opened) before it closed; B took over: ${cached} from the cache, ${encodedNow} encoded`);
});

test('a second tab that follows a run to its end reopens it from the cache, having encoded nothing', async ({ context }) => {
  test.setTimeout(240_000);
  const { pageA, a } = await startRunInFirstTab(context);
  const { pageB, b } = await openSecondTab(context);
  await expect(pageB.getByRole('status', { name: 'Run in another tab' })).toContainText('Running in another tab');

  // A encodes every image itself: B wrote nothing A could have found stored.
  await a.waitForResult('Done: 50 images, 50 encoded now');
  await expect(pageB.getByRole('status', { name: 'Reopened run' })).toContainText('Demo dataset (built in)', { timeout: RUN_TIMEOUT });
  await b.waitForResult('Done: 50 images, all from the browser cache');
  await expect(pageB.getByRole('status', { name: 'Run in another tab' })).toHaveCount(0);
  expect((await workerMessageTypes(pageB)).filter((type) => type === 'encoding')).toEqual([]);
});

test('training in tab A is not interrupted by tab B: B follows it, A finishes it; closing A mid-run leaves it stopped in B', async ({ context }) => {
  test.setTimeout(300_000);
  const pageA = await context.newPage();
  const a = await new WorkspacePage(pageA).open('?e2e');
  await a.computeRun({ backend: 'wasm', images: 50, grid: 2 }, 'Done: 50 images');
  await openTraining(pageA);
  await fillTrainingForm(pageA, { Epochs: '150', 'Warm-up epochs': '1', 'Batch size': '16', Backend: 'webgpu' });
  const train = pageA.getByRole('region', { name: 'Train a classifier' }).getByRole('button', { name: 'Train', exact: true });
  await train.click();
  await atLeastEpochs(pageA, '#1', 3);

  // Tab B loads while #1 trains in A: not marked interrupted, shown as running in another tab.
  const pageB = await context.newPage();
  await new WorkspacePage(pageB).open('?e2e');
  await openTraining(pageB);
  const runsB = pageB.getByRole('region', { name: 'Training runs' });
  await expect(runsB.getByRole('row', { name: /#1 .*running in another tab/ })).toBeVisible();
  await runsB.getByRole('button', { name: 'Curves of #1' }).click();
  await expect(pageB.getByRole('region', { name: 'Run #1' }).getByRole('status', { name: 'Training in another tab' })).toBeVisible();
  await expect(runsB.getByRole('button', { name: 'Resume #1' })).toHaveCount(0);
  const epochsB = pageB.getByRole('status', { name: 'training progress' });
  const firstSeen = epochOf(await epochsB.textContent());
  await waitForStatus(pageA, '#1', 'finished', RUN_TIMEOUT);
  await expect(pageA.getByRole('region', { name: 'Run #1' }).getByRole('note', { name: 'Run note' })).toHaveCount(0);
  // B followed it to the end: the same 150 epochs, finished, no longer "in another tab".
  await waitForStatus(pageB, '#1', 'finished');
  await expect(epochsB).toContainText('Epoch 150 of 150');
  await expect(runsB.getByRole('row', { name: /#1 .*running in another tab/ })).toHaveCount(0);
  console.log(`  B opened at epoch ${firstSeen} of #1 and followed it to epoch 150; A finished it`);

  // #2 starts in A after B loaded: B hears of it; A closes mid-run, B marks it stopped, resumable.
  await train.click();
  await atLeastEpochs(pageA, '#2', 3);
  await expect(runsB.getByRole('row', { name: /#2 .*running in another tab/ })).toBeVisible();
  await pageA.close();
  await expect(runsB.getByRole('row', { name: /#2 .* stopped · / })).toBeVisible({ timeout: RUN_TIMEOUT });
  await runsB.getByRole('button', { name: 'Curves of #2' }).click();
  await expect(pageB.getByRole('region', { name: 'Run #2' }).getByRole('note', { name: 'Run note' })).toContainText(
    /interrupted by closing the tab training it after epoch \d+: resume continues from there/,
  );
  await expect(runsB.getByRole('button', { name: 'Resume #2' })).toBeEnabled({ timeout: RUN_TIMEOUT });
});

const storedCount = (text: string | null): number => {
  const stored = / · (\d+) stored/.exec(text ?? '')?.[1];
  return stored === undefined ? count(text) : Number(stored);
};

const epochOf = (text: string | null): number => Number(/^Epoch (\d+) of/.exec(text ?? '')?.[1] ?? NaN);

/** Waits until the run's table shows `epochs` epochs or more (header and the Y0 row come first). */
async function atLeastEpochs(page: Page, name: string, epochs: number): Promise<void> {
  const rows: Locator = page.getByRole('table', { name: `figures per epoch of ${name}` }).getByRole('row');
  await expect.poll(() => rows.count(), { timeout: 60_000, intervals: [50] }).toBeGreaterThanOrEqual(2 + epochs);
}
