import { expect, test } from '@playwright/test';
import { MODES, WorkspacePage } from './support/workspace-page';

/**
 * Compare's "grid size where cached": a second run of the same images with another grid is stored in
 * the browser, so Compare can set the first run's grid on one side — with the numbers that run showed.
 */
test('two grids of the same images compared side by side, each with its own run’s numbers', async ({ page }) => {
  test.setTimeout(240_000);
  const lab = await new WorkspacePage(page).open();
  await lab.computeRun({ backend: 'wasm', images: 50 }, 'Done: 50 images');
  const grid3 = await lab.maps();

  await lab.computeRun({ grid: 1 }, 'Done: 50 images, 50 encoded now');
  const grid1 = await lab.maps();
  expect(grid1).not.toEqual(grid3);

  await lab.show('Compare');
  const sideA = page.getByRole('group', { name: 'Setting A' });
  const sideB = page.getByRole('group', { name: 'Setting B' });
  await sideB.getByLabel(/Threshold ζ/).fill('0.1');
  await expect(sideB.getByLabel('Snippet grid B')).toHaveValue('1');
  await sideB.getByLabel('Snippet grid B').selectOption('3');
  const table = page.getByRole('table', { name: 'mAP of A and B' });
  for (const mode of MODES) {
    const cells = table.getByRole('row', { name: mode }).getByRole('cell');
    await expect(cells.nth(0)).toHaveText(grid1[mode]);
    await expect(cells.nth(1)).toHaveText(grid3[mode], { timeout: 60_000 });
  }
  await expect(sideA.getByLabel('Snippet grid A')).toHaveValue('1');
});
