import { expect, type Page } from '@playwright/test';
import { WorkspacePage } from './workspace-page';

/** Steps of the training e2e tests: compute a split, fill the form, read a run's figures. */
export interface EpochRow {
  readonly epoch: number;
  readonly loss: number;
  readonly update: boolean;
  readonly change: number;
  readonly pseudo: number;
  readonly val: number;
}

/** demo-clip embeddings of the first 50 images of `split` (2×2 grid, WebAssembly: fast there). */
export async function computeSplit(page: Page, split: string): Promise<void> {
  await new WorkspacePage(page).computeRun({ backend: 'wasm', images: 50, grid: 2, split }, 'Done: 50 images');
}

export async function openTraining(page: Page): Promise<void> {
  await new WorkspacePage(page).show('Training');
}

export async function fillTrainingForm(page: Page, values: Readonly<Record<string, string>>): Promise<void> {
  const form = page.getByRole('region', { name: 'Train a classifier' });
  for (const [label, value] of Object.entries(values)) {
    if (label === 'Backend') await form.getByLabel('Backend').selectOption(value);
    else await form.getByRole('spinbutton', { name: label, exact: true }).fill(value);
  }
}

export async function epochRows(page: Page, name: string): Promise<EpochRow[]> {
  const rows = page.getByRole('table', { name: `figures per epoch of ${name}` }).getByRole('row');
  const texts = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')));
  return texts
    .filter((cells) => cells.length > 0 && cells[0] !== '0')
    .map((cells) => ({
      epoch: Number(cells[0]),
      loss: Number(cells[1]),
      update: cells[2] === 'yes',
      change: Number(cells[3]),
      pseudo: Number(cells[4]),
      val: Number(cells[5]),
    }));
}

/** The run's detail heading reads "Run NAME: STATUS". */
export async function waitForStatus(page: Page, name: string, status: string, timeout = 120_000): Promise<void> {
  await expect(page.getByRole('region', { name: `Run ${name}` }).getByRole('heading')).toHaveText(`Run ${name}: ${status}`, { timeout });
}
