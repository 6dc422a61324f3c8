import type { Page } from '@playwright/test';
import { withBuiltPage } from './built-page';
import { computedRunFigures } from './ui-computed-run';
import { referenceCacheFigures } from './ui-reference-cache';
import { unlabelledRunFigures } from './ui-unlabelled-run';
import { sliderFigures, waitForMaps } from './ui-slider';

export { sliderMs } from './ui-slider';

type Figures = Record<string, number | string>;

const IMAGES = 5717; // VOC 2012 train

/**
 * `ui.*`: what a user feels in the lab, measured in Chromium on the production build, one page, four
 * runs one after another (each replaces the last), each through the path a user takes:
 * - `ui.synthetic_*`: a synthetic finished run of 5,717 images (3×3 grid, 20 classes, 512-d; the `?e2e`
 *   hook, no photos): the ζ and λ sliders (ui-slider.ts);
 * - `ui.computed_*`, `ui.compare_*`: a run of the demo computed through the UI (ui-computed-run.ts);
 * - `ui.reference_cache_*`: a reference cache of 5,717 images chosen through the folder input
 *   (ui-reference-cache.ts);
 * - `ui.unlabelled_*`: a plain folder of photos without ground truth computed through the UI
 *   (ui-unlabelled-run.ts).
 * `ui.browser` names the Chromium that gave them.
 */
export async function uiBench(): Promise<Figures> {
  return withBuiltPage('index.html', '/?e2e', async (page) => {
    const synthetic = await syntheticFigures(page);
    const computed = await computedRunFigures(page);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Workspace', exact: true }).click();
    const reference = await referenceCacheFigures(page);
    const unlabelled = await unlabelledRunFigures(page);
    return { ...synthetic, ...computed, ...reference, ...unlabelled, 'ui.browser': page.context().browser()?.version() ?? 'unknown' };
  });
}

async function syntheticFigures(page: Page): Promise<Figures> {
  await page.waitForFunction(() => 'cdulE2e' in globalThis, undefined, { timeout: 60_000 });
  await page.evaluate((images) => (globalThis as unknown as { cdulE2e: { syntheticRun(n: number, g: number): void } }).cdulE2e.syntheticRun(images, 3), IMAGES);
  await page.getByRole('status', { name: 'Run result' }).waitFor({ timeout: 120_000 });
  await waitForMaps(page);
  return { ...(await sliderFigures(page, 'synthetic')), 'ui.synthetic_images': IMAGES };
}
