import { expect, test, type Page } from '@playwright/test';
import { computeSplit, epochRows, fillTrainingForm, openTraining, waitForStatus } from './support/training-page';
import { WorkspacePage } from './support/workspace-page';

/**
 * Issue 15 item 7, as a newcomer meets the Training view: the form says which run and split a head
 * trains on, a run of the val split is offered the train split, a train run gets its val split in one
 * click ("Compute the val split too", then the train split reopens), the spec reference is the
 * README's method section, and the page never scrolls sideways — with runs in the table and the sweep
 * panel beside the form — at 1280 px and 1920 px.
 */

async function trainShortRun(page: Page, name: string): Promise<void> {
  await fillTrainingForm(page, { Backend: 'cpu', Epochs: '3', 'Batch size': '16' });
  await page.getByRole('region', { name: 'Train a classifier' }).getByRole('button', { name: 'Train' }).click();
  await waitForStatus(page, name, 'finished');
}

async function expectNoSidewaysScroll(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  // Layout follows the resize at the next frame: poll the page's own numbers.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: `sideways overflow at ${size.width}×${size.height}` })
    .toBeLessThanOrEqual(0);
}

test('a run of the val split says so and opens the train split in one click, val becoming its val set', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/?e2e');
  await computeSplit(page, 'val');
  await openTraining(page);
  const trainsOn = page.getByRole('note', { name: 'Trains on' });
  await expect(trainsOn).toContainText('Trains on split val: 50 images of Demo dataset (built in), demo-clip, 2×2 grid');
  const offer = page.getByRole('note', { name: 'Val split' });
  await expect(offer).toContainText('This run is the val split');
  await offer.getByRole('button', { name: 'Compute the train split' }).click();
  // The view follows the run, then the form comes back on the train split with val as its val set.
  await expect(trainsOn).toContainText('Trains on split train: 50 images', { timeout: 240_000 });
  await expect(page.getByLabel('Val split').getByRole('option', { name: 'val', exact: true })).toBeAttached();
  await expect(page.getByRole('note', { name: 'Val split' })).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('split')).toBe('train');
});

test('a train run gets its val split in one click, trains on train, scores on val; the method is the README’s; no sideways scroll', async ({ page }) => {
  test.setTimeout(360_000);
  await page.goto('/?e2e');
  await computeSplit(page, 'train');
  await openTraining(page);
  const trainsOn = page.getByRole('note', { name: 'Trains on' });
  await expect(trainsOn).toContainText('Trains on split train: 50 images');

  // The spec reference opens the README's "The method in five lines" in place.
  const form = page.getByRole('region', { name: 'Train a classifier' });
  await form.getByRole('link', { name: 'the method, step 5' }).click();
  const method = form.locator('details', { has: page.getByText('README: The method in five lines') });
  await expect(method).toHaveAttribute('open', '');
  await expect(method.getByRole('listitem')).toHaveCount(5);
  await expect(method.getByRole('listitem').nth(4)).toContainText('gradient alignment moves the labels');

  await page.getByRole('note', { name: 'Val split' }).getByRole('button', { name: 'Compute the val split too' }).click();
  await expect(page.getByRole('region', { name: 'Computing another split' }).getByRole('heading')).toHaveText(/Computing the val split|Reopening the train split to train on/);
  await expect(trainsOn).toContainText('Trains on split train: 50 images', { timeout: 240_000 });
  await expect(page.getByRole('region', { name: 'Computing another split' })).toHaveCount(0);
  await expect(page.getByRole('note', { name: 'Val split' })).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('split')).toBe('train');
  // The workspace says the same: the val split is stored, the train split open again from the cache.
  await new WorkspacePage(page).show('Workspace');
  await expect(page.getByRole('status', { name: 'Run result' })).toContainText('Done: 50 images, all from the browser cache');
  // A reload reopens the train split (the journal holds it, not the val split computed before it).
  await new WorkspacePage(page).reloadAndReopen();
  await openTraining(page);
  await expect(trainsOn).toContainText('Trains on split train: 50 images');

  await trainShortRun(page, '#1');
  await expect(page.getByRole('region', { name: 'Run #1' })).toContainText('Trained on 50 images of split train');
  await expect(page.getByRole('region', { name: 'Run #1' })).toContainText('val: val');
  await expect(page.getByRole('figure', { name: /^Pseudo-label mAP against the train split’s ground truth/ })).toBeVisible();
  for (const row of await epochRows(page, '#1')) expect(row.val).toBeGreaterThan(0);

  // A sweep's runs fill the table; the sweep panel stays beside the form.
  await page.getByRole('region', { name: 'Sweep' }).getByLabel('η values').fill('0, 1');
  await page.getByRole('region', { name: 'Sweep' }).getByRole('button', { name: 'Run the sweep' }).click();
  await waitForStatus(page, 'sweep 1 · 4/4', 'finished');
  await expect(page.getByRole('region', { name: 'Training runs' }).getByRole('row')).toHaveCount(6);
  for (const size of [{ width: 1280, height: 800 }, { width: 1440, height: 900 }, { width: 1920, height: 1080 }]) await expectNoSidewaysScroll(page, size);
  // At 1280 px every run's actions fit without scrolling the table sideways (they wrap in their cell).
  await page.setViewportSize({ width: 1280, height: 800 });
  const del = page.getByRole('button', { name: 'Delete #1' });
  await del.scrollIntoViewIfNeeded();
  await expect(del).toBeInViewport();
  const tableScroll = page.getByRole('region', { name: 'Training runs' }).locator('.table-scroll');
  expect(await tableScroll.evaluate((box) => box.scrollLeft)).toBe(0);
  const right = (await del.boundingBox())!.x + (await del.boundingBox())!.width;
  expect(right).toBeLessThanOrEqual(1280);
});
