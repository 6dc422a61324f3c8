import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { previewPort } from '../playwright.config';
import { WorkspacePage } from './support/workspace-page';

/**
 * Issue 15 item 12 and issue 16 item 8: every export's file name carries the run it exports — dataset,
 * split, model and grid — so two datasets' exports never collide, and the names and the JSON's dataset
 * and model are the run's even after the selection changed.
 */

test.use({ baseURL: `http://localhost:${previewPort}` });

async function save(page: Page, button: string): Promise<Download> {
  const download = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Export' }).getByRole('button', { name: button }).click();
  const file = await download;
  await expect(page.getByRole('status', { name: 'Export status' })).toHaveText(`Saved ${file.suggestedFilename()}`);
  return file;
}

test('export names carry the dataset, split, model and grid of the run they export', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = await new WorkspacePage(page).open('?e2e');
  await lab.computeRun({ backend: 'wasm', images: 8, grid: 3 }, 'Done: 8 images');
  const demo = 'cdul-voc-demo-val-first8-demo-clip-grid3';
  expect((await save(page, 'Pseudo labels CSV')).suggestedFilename()).toBe(`${demo}-final-zeta0.10-lambda0.00-step.csv`);
  expect((await save(page, 'Evaluation report JSON')).suggestedFilename()).toBe(`${demo}-report-zeta0.10-lambda0.00-step.json`);
  expect((await save(page, 'VOC <class>_val.txt (zip)')).suggestedFilename()).toBe(`${demo}-final-zeta0.10-lambda0.00-step-voc.zip`);

  // Another grid and model chosen but not computed: the exports still name (and describe) the open run.
  await page.getByLabel('Snippet grid').selectOption('2');
  await page.getByLabel('CLIP model').selectOption('tiny-vit');
  const json = await save(page, 'Pseudo labels JSON');
  expect(json.suggestedFilename()).toBe(`${demo}-final-zeta0.10-lambda0.00-step.json`);
  const saved = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { dataset: string; split: string; model: string };
  expect(saved).toMatchObject({ dataset: 'Demo dataset (built in)', split: 'val', model: 'demo-clip' });

  // The training demo at grid 2: its files are named apart from the demo's.
  await page.getByLabel('CLIP model').selectOption('demo-clip');
  await page.getByRole('button', { name: 'Use the training demo' }).click();
  await lab.computeRun({ backend: 'wasm', images: 8, grid: 2 }, 'Done: 8 images');
  const other = (await save(page, 'Pseudo labels CSV')).suggestedFilename();
  expect(other).toMatch(/^cdul-voc-demo-hard-[\w.-]+-first8-demo-clip-grid2-final-zeta0\.10-lambda0\.00-step\.csv$/);
  expect(other).not.toBe(`${demo}-final-zeta0.10-lambda0.00-step.csv`);
});
