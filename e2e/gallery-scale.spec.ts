import { expect, test } from '@playwright/test';

const IMAGES = 11_540; // VOC 2012 trainval

/**
 * The gallery at VOC-trainval size: a synthetic finished run of 11,540 images (the `?e2e` hook; no photos,
 * so tiles show no thumbnail). Only the visible rows exist in the page, and End reaches the last image
 * with the page still holding only a screenful of tiles. (Timings belong to `npm run bench`.)
 */
test('the gallery on 11,540 images keeps a few dozen tiles in the page, and End reaches the last one', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?e2e');
  await page.waitForFunction(() => 'cdulE2e' in globalThis);
  await page.evaluate((images) => (globalThis as unknown as { cdulE2e: { syntheticRun(n: number, g: number): void } }).cdulE2e.syntheticRun(images, 3), IMAGES);
  await expect(page.getByRole('status', { name: 'Run result' })).toContainText(`${IMAGES} images`, { timeout: 120_000 });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Gallery' }).click();
  const grid = page.getByRole('grid', { name: 'Gallery' });
  const cells = grid.getByRole('gridcell');
  await expect(cells.first()).toBeVisible({ timeout: 60_000 });
  const rendered = await cells.count();
  expect(rendered).toBeLessThan(200);
  await cells.first().focus();
  await page.keyboard.press('End');
  await expect(grid.getByRole('gridcell', { name: /synthetic_\d{6}/ }).last()).toBeFocused();
  console.log(`gallery: ${rendered} of ${IMAGES} tiles in the page`);
  expect(await cells.count()).toBeLessThan(200);
});
