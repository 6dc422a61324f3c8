import { expect, test, type Locator, type Page } from '@playwright/test';
import { WorkspacePage } from './support/workspace-page';

/**
 * Issue 15 item 8: Compare says what differs. Headers and the ζ chart's markers name the settings A and
 * B differ in ("A = B" only when they are the same setting), the paper-vs-reference preset says what it
 * changed (B's ζ included), "Computing the ζ sweep…" is gone once the chart is drawn, the mAP axis fits
 * the curves (0–100 on request), VOC's classes read as in the gallery ("dining table"), and the page
 * never scrolls sideways at 1280 px or 1920 px.
 */

const chart = (page: Page) => page.getByRole('figure', { name: /^mAP versus ζ/ });

/** The tick labels of the chart's mAP axis, bottom to top. */
async function mapTicks(figure: Locator): Promise<number[]> {
  const texts = await figure.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
  return texts.map(Number).sort((x, y) => x - y);
}

/** The mAPs of the table (A and B, three modes), as shown. */
async function tableMaps(page: Page): Promise<number[]> {
  const table = page.getByRole('table', { name: 'mAP of A and B' });
  await expect(table.getByRole('row', { name: /^final/ })).toContainText(/\d+\.\d\d/);
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
  return rows.flatMap((cells) => [Number(cells[0]), Number(cells[1])]);
}

test('Compare names what differs, says what the preset changed, fits its axis and reads classes as the gallery does', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = await new WorkspacePage(page).open('?e2e');
  await lab.computeRun({ backend: 'wasm', images: 50, grid: 2 }, 'Done: 50 images');
  await lab.show('Compare');
  const sideA = page.getByRole('group', { name: 'Setting A' });
  const sideB = page.getByRole('group', { name: 'Setting B' });
  const mapTable = page.getByRole('table', { name: 'mAP of A and B' });

  // Same ζ, different temperatures: the case the chart used to call "A = B".
  await sideA.getByLabel('Temperature').selectOption('paper');
  await sideB.getByLabel('Temperature').selectOption('reference');
  await sideB.getByLabel(/Threshold ζ/).fill('0.1');
  await expect(mapTable.getByRole('columnheader', { name: 'A: temperature 100 (paper)', exact: true })).toBeVisible();
  await expect(mapTable.getByRole('columnheader', { name: 'B: temperature 1/ln 100 (reference)', exact: true })).toBeVisible();
  await expect(chart(page).getByRole('img', { name: 'Marker: A, B: temperature differs at ζ = 0.10' })).toHaveCount(2);
  await expect(chart(page).getByText('A, B: temperature differs')).toBeVisible();
  await expect(chart(page).getByRole('img', { name: /^Marker: A = B/ })).toHaveCount(0);
  await expect(chart(page)).toContainText('Dashed: B’s curves (B differs in temperature).');
  // Drawn with B's curves: no "Computing…" line is left above it.
  await expect(chart(page).getByRole('img', { name: 'Curve: final (B)' })).toHaveCount(1);
  await expect(page.getByText(/^Computing (the|B’s) ζ sweep…$/)).toHaveCount(0);
  const exportChoice = page.getByLabel('Setting to export');
  await expect(exportChoice.getByRole('option', { name: 'B: temperature 1/ln 100 (reference)' })).toBeAttached();

  // The mAP axis fits the curves: its ends bracket every mAP of the table; 0–100 on request.
  const maps = await tableMaps(page);
  const fitted = await mapTicks(chart(page));
  expect(fitted[0]).toBeLessThanOrEqual(Math.min(...maps));
  expect(fitted.at(-1)).toBeGreaterThanOrEqual(Math.max(...maps));
  expect(fitted[0]).toBeGreaterThan(Math.min(...maps) - (fitted[1]! - fitted[0]!));
  await page.getByRole('checkbox', { name: 'mAP axis from 0 to 100' }).check();
  await expect.poll(() => mapTicks(chart(page))).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);

  // The same setting on both sides: now, and only now, "A = B".
  await sideB.getByLabel('Temperature').selectOption('paper');
  await expect(chart(page).getByRole('img', { name: 'Marker: A = B at ζ = 0.10' })).toHaveCount(2);
  await expect(mapTable.getByRole('columnheader', { name: 'A (same setting as B)' })).toBeVisible();

  // The preset puts B at the workspace's ζ (0.10) and says so.
  await sideB.getByLabel(/Threshold ζ/).fill('0.5');
  await expect(sideB.getByText('Threshold ζ = 0.50')).toBeVisible();
  await page.getByRole('button', { name: 'Paper vs reference temperature' }).click();
  await expect(page.getByRole('status', { name: 'What the preset changed' })).toHaveText('Changed — B: ζ 0.50 → 0.10, temperature 100 (paper) → 1/ln 100 (reference).');
  await expect(sideB.getByText('Threshold ζ = 0.10')).toBeVisible();
  // Its explanation waits for its own numbers, not for a sweep the chart already drew.
  await expect(page.getByRole('status', { name: 'Temperature collapse' })).toContainText(/largest global score of any image and class is \d\.\d{4}/);
  await expect(page.getByText(/^Computing the reference scale’s ζ sweep…$/)).toHaveCount(0);

  // VOC's classes by the name the gallery gives them.
  const perClass = page.getByRole('table', { name: /^Per-class AP of A and B/ });
  await expect(perClass.getByRole('rowheader', { name: 'dining table', exact: true })).toBeVisible();
  await expect(perClass.getByRole('rowheader', { name: 'diningtable', exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Precision–recall curves' }).getByLabel('Class').getByRole('option', { name: 'dining table' })).toBeAttached();
  await expect(page.getByRole('list', { name: 'Images whose labels changed most' })).not.toContainText(/diningtable|pottedplant|tvmonitor/);
  await lab.show('Gallery');
  await expect(page.getByLabel('Class', { exact: true }).getByRole('option', { name: 'dining table' })).toBeAttached();
  await lab.show('Compare');

  for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: `sideways overflow at ${size.width}` })
      .toBeLessThanOrEqual(0);
  }
});
