import type { Page } from '@playwright/test';
import { round } from './measure';
import { sliderFigures, waitForMaps } from './ui-slider';

/**
 * `ui.computed_*`: a real run through the UI — the built-in demo dataset's val split (100 photos), its
 * demo-clip model, 3×3 grid, on WebAssembly (the backend is recorded: `ui.computed_backend`) — then
 * the ζ and λ sliders as in ui-slider.ts, and `ui.compare_zeta_chart_ms`: from showing Compare to its
 * mAP-versus-ζ chart drawn (both sweeps answered), then from moving B's ζ to the chart redrawn at it.
 */
export async function computedRunFigures(page: Page): Promise<Record<string, number | string>> {
  await page.getByRole('combobox', { name: 'Split', exact: true }).selectOption('val');
  await page.getByLabel('Images to encode').selectOption('all');
  await page.getByLabel('Run on').selectOption('wasm');
  await page.getByRole('button', { name: 'Compute pseudo labels' }).click();
  await page.getByRole('status', { name: 'Run result' }).filter({ hasText: 'Done:' }).waitFor({ timeout: 600_000 });
  await waitForMaps(page);
  const images = Number(/Done: (\d+) images/.exec((await page.getByRole('status', { name: 'Run result' }).textContent()) ?? '')?.[1] ?? NaN);
  const backend = ((await page.getByLabel('Execution provider').textContent()) ?? '').replace('Execution provider:', '').trim();
  const sliders = await sliderFigures(page, 'computed');
  const compare = await compareChartMs(page);
  return {
    ...sliders,
    'ui.computed_images': images,
    'ui.computed_backend': backend,
    'ui.compare_zeta_chart_ms': round(compare.open),
    'ui.compare_zeta_change_ms': round(compare.change),
  };
}

/** Compare's chart: shown (both sweeps), then redrawn after B's ζ moves (A and B then differ in ζ only). */
async function compareChartMs(page: Page): Promise<{ open: number; change: number }> {
  const chart = page.getByRole('figure', { name: /^mAP versus ζ/ });
  let started = Date.now();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Compare', exact: true }).click();
  await chart.getByRole('img', { name: /^Marker: B at ζ/ }).waitFor({ state: 'attached', timeout: 120_000 });
  const open = Date.now() - started;
  const sideB = page.getByRole('group', { name: 'Setting B' });
  started = Date.now();
  await sideB.getByLabel(/Threshold ζ/).fill('0.37');
  await chart.getByRole('img', { name: 'Marker: B at ζ = 0.37' }).waitFor({ state: 'attached', timeout: 120_000 });
  return { open, change: Date.now() - started };
}
