import { expect, test, type Page } from '@playwright/test';

const MODES = ['global', 'aggregate', 'final'] as const;

async function workspaceMaps(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'mAP of the pseudo labels' });
  await expect(table.getByRole('row', { name: 'final' })).toContainText(/\d+\.\d\d/);
  return Promise.all(MODES.map((mode) => table.getByRole('row', { name: mode }).getByRole('cell').textContent().then((text) => text!)));
}

/**
 * Compare's "grid size where cached": a second run of the same images with another grid is stored in
 * the browser, so Compare can set the first run's grid on one side — with the numbers that run showed.
 */
test('two grids of the same images compared side by side, each with its own run’s numbers', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await page.getByLabel('Run on').selectOption('wasm');
  await page.getByLabel('Images to encode').selectOption('50');
  const result = page.getByRole('status', { name: 'Run result' });
  await page.getByRole('button', { name: 'Compute pseudo labels' }).click();
  await expect(result).toContainText('Done: 50 images', { timeout: 150_000 });
  const grid3 = await workspaceMaps(page);

  await page.getByLabel('Snippet grid').selectOption('1');
  await page.getByRole('button', { name: 'Compute pseudo labels' }).click();
  await expect(result).toContainText('Done: 50 images, 50 encoded now', { timeout: 150_000 });
  const grid1 = await workspaceMaps(page);
  expect(grid1).not.toEqual(grid3);

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Compare' }).click();
  const sideA = page.getByRole('group', { name: 'Setting A' });
  const sideB = page.getByRole('group', { name: 'Setting B' });
  await sideB.getByLabel(/Threshold ζ/).fill('0.1');
  await expect(sideB.getByLabel('Snippet grid B')).toHaveValue('1');
  await sideB.getByLabel('Snippet grid B').selectOption('3');
  const table = page.getByRole('table', { name: 'mAP of A and B' });
  for (const [k, mode] of MODES.entries()) {
    const cells = table.getByRole('row', { name: mode }).getByRole('cell');
    await expect(cells.nth(0)).toHaveText(grid1[k]!);
    await expect(cells.nth(1)).toHaveText(grid3[k]!, { timeout: 30_000 });
  }
  await expect(sideA.getByLabel('Snippet grid A')).toHaveValue('1');
});
