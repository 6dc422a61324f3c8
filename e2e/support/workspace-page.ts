import { expect, type Locator, type Page } from '@playwright/test';

/** A run of a few dozen images on a 2-core machine that also runs another heavy process: never a default 5 s. */
export const RUN_TIMEOUT = 240_000;

export const MODES = ['global', 'aggregate', 'final'] as const;
export type ModeMaps = Record<(typeof MODES)[number], string>;

export interface RunChoice {
  /** A CLIP model of the catalog, e.g. 'tiny-vit' (default: the preselected demo-clip). */
  readonly model?: string;
  readonly grid?: number;
  /** The first N images, or 'all' (the whole split). */
  readonly images?: number | 'all';
  readonly backend?: 'wasm' | 'webgpu';
  /** '' = every annotated image. */
  readonly split?: string;
}

/**
 * The lab's workspace as a user drives it, by role and label only: open the lab, choose the dataset's
 * run (model, grid, images, backend, split), compute, and wait for what the run panel says — the steps
 * most specs begin with. Every wait follows the app's own state, with room for a loaded machine.
 */
export class WorkspacePage {
  constructor(readonly page: Page) {}

  /** Opens the lab (`query` e.g. '?e2e&chunk=2') and waits for its shell. */
  async open(query = ''): Promise<this> {
    await this.page.goto(`/${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'CDUL Lab' })).toBeVisible();
    return this;
  }

  get result(): Locator {
    return this.page.getByRole('status', { name: 'Run result' });
  }

  get progress(): Locator {
    return this.page.getByRole('status', { name: 'Run progress' });
  }

  get mapTable(): Locator {
    return this.page.getByRole('table', { name: 'mAP of the pseudo labels' });
  }

  /** Shows a view by its navigation button ('Workspace', 'Gallery', 'Image', 'Compare', 'Training'). */
  async show(view: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view, exact: true }).click();
  }

  async choose(choice: RunChoice): Promise<void> {
    const { page } = this;
    if (choice.model !== undefined) await page.getByLabel('CLIP model').selectOption(choice.model);
    if (choice.split !== undefined) await page.getByRole('combobox', { name: 'Split', exact: true }).selectOption(choice.split);
    if (choice.grid !== undefined) await page.getByLabel('Snippet grid').selectOption(String(choice.grid));
    if (choice.images !== undefined) await page.getByLabel('Images to encode').selectOption(String(choice.images));
    if (choice.backend !== undefined) await page.getByLabel('Run on').selectOption(choice.backend);
  }

  async compute(): Promise<void> {
    await this.page.getByRole('button', { name: 'Compute pseudo labels' }).click();
  }

  /** Chooses, computes and waits until the run panel says `done` (e.g. 'Done: 50 images'). */
  async computeRun(choice: RunChoice, done: string | RegExp = 'Done:'): Promise<void> {
    await this.choose(choice);
    await this.compute();
    await this.waitForResult(done);
  }

  async waitForResult(done: string | RegExp = 'Done:'): Promise<void> {
    await expect(this.result).toContainText(done, { timeout: RUN_TIMEOUT });
  }

  /** The mAPs of the results table once it shows numbers, per mode, as shown (two decimals). */
  async maps(): Promise<ModeMaps> {
    await expect(this.mapTable.getByRole('row', { name: 'final' })).toContainText(/\d+\.\d\d/, { timeout: RUN_TIMEOUT });
    const cells = await Promise.all(MODES.map((mode) => this.mapTable.getByRole('row', { name: mode }).getByRole('cell').textContent()));
    return { global: cells[0]!, aggregate: cells[1]!, final: cells[2]! };
  }

  /**
   * Reloads, then waits until the view shows the run again: a finished run reopens from the browser
   * cache by itself, and the results views say "no results yet" until it has (seconds on a busy machine).
   */
  async reloadAndReopen(): Promise<void> {
    await this.page.reload();
    await expect(this.page.getByRole('heading', { level: 1, name: 'CDUL Lab' })).toBeVisible();
    if (await this.page.getByRole('region', { name: 'Run', exact: true }).isVisible()) await this.waitForResult();
    else await expect(this.page.getByRole('region', { name: /: no results yet$/ })).toHaveCount(0, { timeout: RUN_TIMEOUT });
  }
}
