import { expect, test } from '@playwright/test';
import { RUN_TIMEOUT, WorkspacePage } from './support/workspace-page';

/**
 * Issue 15 item 4: every view says which run it shows ("dataset · split · model · grid · backend"),
 * and after another folder is chosen, that it is not the selected one, with one button that computes
 * (or reopens, from the browser cache) the selected run — after which the title follows.
 */
const VIEWS = ['Workspace', 'Gallery', 'Image', 'Compare', 'Training'];
const DEMO_RUN = 'Showing Demo dataset (built in) · val (first 8) · demo-clip · 3×3 · WebAssembly';
const VOC_MINI = 'voc-mini (202 files) · all images (first 8) · demo-clip · 3×3 · WebAssembly';

test('another folder chosen after a run: every view names the run it shows, says it is not the selected one, and one button computes or reopens it', async ({ page }) => {
  test.setTimeout(420_000);
  const lab = await new WorkspacePage(page).open();
  const title = page.getByRole('note', { name: 'Run shown' });
  const notice = page.getByRole('status', { name: 'Not the selected run' });
  const button = notice.getByRole('button', { name: 'Compute or reopen the selected run' });
  await lab.computeRun({ backend: 'wasm', images: 8 }, 'Done: 8 images, 8 encoded now.');
  await expect(title).toHaveText(DEMO_RUN);
  await expect(notice).toHaveCount(0);

  await page.getByLabel('Choose a dataset folder').setInputFiles('e2e/fixtures/voc-mini');
  await expect(page.getByRole('region', { name: 'Dataset', exact: true }).getByText('voc-mini (202 files)', { exact: true })).toBeVisible();
  for (const view of VIEWS) {
    await lab.show(view);
    await expect(title, view).toHaveText(DEMO_RUN);
    await expect(notice, view).toHaveText(`This doesn't match the workspace's selection: ${VOC_MINI}. Compute or reopen the selected run`);
    await expect(button, view).toBeEnabled();
  }
  // The workspace no longer shows the demo's reading of its folder under voc-mini.
  await lab.show('Workspace');
  await expect(page.getByRole('status', { name: 'Dataset read' })).toHaveCount(0);

  // From the gallery: the button computes voc-mini's run; the title and the tiles follow.
  await lab.show('Gallery');
  await button.click();
  await expect(title).toHaveText(`Showing ${VOC_MINI}`, { timeout: RUN_TIMEOUT });
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Images shown' })).toHaveText('8 images');
  await expect(page.getByText('demo_000003', { exact: true })).toHaveCount(0);
  await expect(page.getByText('2007_000027', { exact: true })).toBeVisible();

  // Back to the demo: the same button now reopens its run from the browser cache (nothing encoded again).
  await lab.show('Workspace');
  await page.getByRole('button', { name: 'Back to the demo dataset' }).click();
  await expect(notice).toContainText("This doesn't match the workspace's selection: Demo dataset (built in) · val (first 8)");
  await expect(title).toHaveText(`Showing ${VOC_MINI}`);
  await button.click();
  await lab.waitForResult('Done: 8 images, all from the browser cache (nothing recomputed).');
  await expect(title).toHaveText(DEMO_RUN);
  await expect(notice).toHaveCount(0);

  // A grid changed in the workspace is another run too; changing it back needs nothing.
  await page.getByLabel('Snippet grid').selectOption('2');
  await expect(notice).toContainText('· 2×2 ·');
  await page.getByLabel('Snippet grid').selectOption('3');
  await expect(notice).toHaveCount(0);
});
