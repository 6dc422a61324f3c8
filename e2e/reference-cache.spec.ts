import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { SEED_CACHE_SAMPLE as SAMPLE, seedCacheMaps } from './support/seed-cache-reference';

const expected = JSON.parse(readFileSync(`${SAMPLE}/expected-map.json`, 'utf8')) as Record<string, number>;

/**
 * The reference reproduction's clip_cache/ in a dropped VOC root: listed, evaluated with the mAPs
 * computed independently for the fixture (expected-map.json, which `cdul evaluate --source ref-cache`
 * reproduces in src/cli/__tests__), and marked as scores without embeddings.
 */
test('a VOC folder holding the reference caches: listed and evaluated with the expected mAPs', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByLabel('Choose a dataset folder').setInputFiles(SAMPLE);
  await page.getByLabel('Split').selectOption('train');
  const caches = page.getByRole('list', { name: 'Reference caches' });
  await expect(caches).toContainText('RN50x64 · 3×3 grid · aggregates cached at ζ = 0, 0.1');
  await caches.getByRole('button', { name: 'Evaluate RN50x64 (3×3)' }).click();

  await expect(page.getByRole('status', { name: 'Run result' })).toContainText('Reference cache RN50x64 · 3×3 · its own temperature: 60 images');
  const table = page.getByRole('table', { name: 'mAP of the pseudo labels' });
  const row = (mode: string) => table.getByRole('row', { name: mode });
  // Default setting: ζ = 0.1, λ = 0, step AP, difficult positive (the fixture has no difficult objects).
  await expect(row('global')).toContainText(expected['global']!.toFixed(2));
  await expect(row('aggregate')).toContainText(expected['aggregate@0.1']!.toFixed(2));
  await expect(row('final')).toContainText(expected['final@0.1']!.toFixed(2));
  await page.getByLabel(/Threshold ζ/).fill('0');
  await expect(row('aggregate')).toContainText(expected['aggregate@0']!.toFixed(2));
  await expect(row('final')).toContainText(expected['final@0']!.toFixed(2));

  await expect(page.getByRole('group', { name: 'Prompts' })).toHaveCount(0);
});

/** Chooses the sample as the dataset folder and opens its cache like a run. */
async function openSampleCache(page: Page): Promise<void> {
  await page.getByLabel('Choose a dataset folder').setInputFiles(SAMPLE);
  await page.getByLabel('Split').selectOption('train');
  await page.getByRole('list', { name: 'Reference caches' }).getByRole('button', { name: 'Evaluate RN50x64 (3×3)' }).click();
  await expect(page.getByRole('status', { name: 'Run result' })).toContainText('Reference cache RN50x64 · 3×3 · its own temperature: 60 images');
}

/**
 * The temperature moves a reference cache's global scores (recovered from its softmax at 1/ln 100) and
 * not α/β: each shown mAP against a float64 recomputation from the fixture's files in Node; the cache's
 * own scale gives expected-map.json; the chosen temperature survives the URL.
 */
test('a reference cache at another temperature: global rescaled, α/β at the cache’s own scale, in the URL', async ({ page }) => {
  test.setTimeout(180_000);
  const paper = seedCacheMaps(100, 0.1);
  const own = seedCacheMaps(1 / Math.log(100), 0.1);
  expect(own.global).toBeCloseTo(expected['global']!, 9); // the independent recomputation is the fixture's at the cache's scale
  await page.goto('/');
  await openSampleCache(page);
  const table = page.getByRole('table', { name: 'mAP of the pseudo labels' });
  const shows = async (maps: Record<'global' | 'aggregate' | 'final', number>) => {
    for (const mode of ['global', 'aggregate', 'final'] as const) await expect(table.getByRole('row', { name: mode })).toContainText(maps[mode].toFixed(2));
  };
  const temperature = page.getByLabel('Temperature');
  await expect(temperature).toBeEnabled();
  await expect(temperature).toHaveAccessibleDescription(/applies to the global scores; the local \(α\/β\) scores stay at the cache's own scale \(reference reproduction: 1\/ln 100\)/);
  await shows({ global: expected['global']!, aggregate: expected['aggregate@0.1']!, final: expected['final@0.1']! });

  await temperature.selectOption('paper');
  await shows(paper);
  expect(paper.aggregate).toBe(own.aggregate); // α/β did not move
  await expect(page).toHaveURL(/scale=paper/);
  const paperUrl = page.url();
  await temperature.selectOption('reference');
  await shows({ global: expected['global']!, aggregate: expected['aggregate@0.1']!, final: expected['final@0.1']! });
  await expect(page).toHaveURL(/scale=reference/);

  // The URL's temperature (over the session's, now 'reference') holds for a reference cache opened from it.
  await page.goto(paperUrl);
  await openSampleCache(page);
  await expect(temperature).toHaveValue('paper');
  await shows(paper);
});
