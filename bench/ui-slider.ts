import type { Page } from '@playwright/test';
import { round } from './measure';

/** Moves of each slider; every one a value not seen before (the worker remembers mAPs per setting). */
const MOVES = 11;
export const ZETA_MOVES = Array.from({ length: MOVES }, (_, k) => Number((0.02 + 0.05 * k).toFixed(2)));
export const LAMBDA_MOVES = Array.from({ length: MOVES }, (_, k) => Number((0.05 + 0.05 * k).toFixed(2)));

/** Waits until the results table shows mAPs (the run is complete and the worker answered). */
export async function waitForMaps(page: Page, timeout = 120_000): Promise<void> {
  await page.getByRole('table', { name: 'mAP of the pseudo labels' }).getByText(/\d+\.\d\d/).first().waitFor({ timeout });
}

/**
 * `ui.<run>_zeta_slider_ms` and `…_lambda_slider_ms`: the median ms of the ζ and of the λ slider of the
 * results panel (see sliderMs); `ui.<run>_slider_ms` the larger of the two.
 */
export async function sliderFigures(page: Page, run: string, table = MAP_TABLE): Promise<Record<string, number>> {
  const zeta = await sliderMs(page, 0, ZETA_MOVES, table);
  const lambda = await sliderMs(page, 1, LAMBDA_MOVES, table);
  return { [`ui.${run}_slider_ms`]: round(Math.max(zeta, lambda)), [`ui.${run}_zeta_slider_ms`]: round(zeta), [`ui.${run}_lambda_slider_ms`]: round(lambda) };
}

/** The results panel's table: mAPs, or for a dataset without ground truth the label counts at the cut. */
const MAP_TABLE = 'mAP of the pseudo labels';
export const UNLABELLED_TABLE = 'Pseudo labels at the label cut';

/**
 * Median ms from setting range input `index` (0: ζ, 1: λ) to the frame after the results table shows
 * that setting (its `data-evaluated`): the worker recomputes the modes (and their mAPs), the page redraws.
 */
export async function sliderMs(page: Page, index: number, values: readonly number[], tableName = MAP_TABLE): Promise<number> {
  return page.evaluate(
    async ({ index, values, tableName }) => {
      const input = document.querySelectorAll<HTMLInputElement>('input[type=range]')[index]!;
      const table = document.querySelector(`table[aria-label="${tableName}"]`)!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const times: number[] = [];
      for (const value of values) {
        const started = performance.now();
        const changed = new Promise<void>((resolve, reject) => {
          const timeout = setTimeout(() => reject(new Error(`the results table did not show the setting ${value}`)), 30_000);
          const observer = new MutationObserver(() => {
            // (No named helper functions in here: tsx would wrap them in a __name() the page lacks.)
            if (table.getAttribute('data-evaluated')!.split(',').map(Number)[index] !== value) return;
            observer.disconnect();
            clearTimeout(timeout);
            requestAnimationFrame(() => resolve());
          });
          observer.observe(table, { attributes: true, attributeFilter: ['data-evaluated'] });
        });
        setValue.call(input, String(value));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await changed;
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      return times[times.length >> 1]!;
    },
    { index, values, tableName },
  );
}
