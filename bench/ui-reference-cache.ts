import type { Page } from '@playwright/test';
import { median, round } from './measure';
import { BED_MODEL, writeReferenceCacheBed } from './reference-cache-bed';
import { sliderFigures, waitForMaps } from './ui-slider';

const IMAGES = 5717; // VOC 2012 train
const OPENS = 3;

/**
 * `ui.reference_cache_*`: the reference reproduction's clip_cache/ at real size (reference-cache-bed.ts:
 * 5,717 images, 11 `.pt` per image, ~74,000 files with the annotations and JPEGs) chosen through the
 * "Choose a dataset folder" input, as a user does. `…_list_ms`: from the input's change event to the
 * cache's Evaluate button (the folder indexed, the caches found). `…_open_ms`: from the click on
 * Evaluate to the results table showing mAPs (annotations, global/α/β of every image read and
 * parsed, the first evaluation), median of OPENS opens. Then the ζ and λ sliders as in ui-slider.ts.
 */
export async function referenceCacheFigures(page: Page): Promise<Record<string, number>> {
  process.stderr.write(`[bench] writing a reference cache of ${IMAGES} images\n`);
  const bed = writeReferenceCacheBed(IMAGES);
  try {
    const input = page.getByLabel('Choose a dataset folder');
    await input.evaluate((element) => element.addEventListener('change', () => ((globalThis as unknown as { pickedAt: number }).pickedAt = performance.now()), { once: true }));
    await input.setInputFiles(bed.vocRoot, { timeout: 600_000 });
    await page.getByLabel('Split').selectOption('train');
    const evaluate = page.getByRole('button', { name: `Evaluate ${BED_MODEL} (3×3)` });
    await evaluate.waitFor({ timeout: 300_000 });
    const listMs = await page.evaluate(() => performance.now() - (globalThis as unknown as { pickedAt: number }).pickedAt);
    const opens: number[] = [];
    for (let k = 0; k < OPENS; k++) {
      const started = Date.now();
      await evaluate.click();
      await page.getByRole('status', { name: 'Run result' }).filter({ hasText: `Reference cache open: ${IMAGES} images` }).waitFor({ timeout: 300_000 });
      await waitForMaps(page);
      opens.push(Date.now() - started);
    }
    const sliders = await sliderFigures(page, 'reference_cache');
    return {
      'ui.reference_cache_list_ms': round(listMs),
      'ui.reference_cache_open_ms': round(median(opens)),
      ...sliders,
      'ui.reference_cache_images': IMAGES,
      'ui.reference_cache_files': bed.files,
    };
  } finally {
    bed.remove();
  }
}
