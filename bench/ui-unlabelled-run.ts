import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeFolderCopy } from '../scripts/dataset-fixtures/voc-layouts';
import { sliderFigures, UNLABELLED_TABLE } from './ui-slider';

const CLASSES = ['person', 'dog', 'cat', 'car', 'diningtable'];

/**
 * `ui.unlabelled_*`: a run without ground truth through the UI — voc-mini's 100 photos as a plain
 * folder with a 5-class classes.txt, chosen through the folder input, tiny-vit, 3×3 grid, WebAssembly —
 * then the ζ and λ sliders as in ui-slider.ts, timed to the label-count table (no mAP to compute).
 */
export async function unlabelledRunFigures(page: Page): Promise<Record<string, number>> {
  const folder = mkdtempSync(join(tmpdir(), 'cdul-bench-unlabelled-'));
  try {
    await writeFolderCopy('e2e/fixtures/voc-mini', folder, CLASSES);
    await page.getByLabel('Choose a dataset folder').setInputFiles(folder);
    await page.getByLabel('CLIP model').selectOption('tiny-vit');
    await page.getByLabel('Snippet grid').selectOption('3');
    await page.getByLabel('Images to encode').selectOption('all');
    await page.getByLabel('Run on').selectOption('wasm');
    await page.getByRole('button', { name: 'Compute pseudo labels' }).click();
    await page.getByRole('status', { name: 'Run result' }).filter({ hasText: 'Done:' }).waitFor({ timeout: 600_000 });
    await page.locator(`table[aria-label="${UNLABELLED_TABLE}"]:not([data-evaluated=""])`).waitFor({ timeout: 120_000 });
    const images = await page.getByRole('table', { name: UNLABELLED_TABLE }).getByRole('row', { name: /^final/ }).textContent();
    return { ...(await sliderFigures(page, 'unlabelled', UNLABELLED_TABLE)), 'ui.unlabelled_images': Number(/of (\d+)/.exec(images ?? '')?.[1] ?? NaN) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
