import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const SAMPLE = 'e2e/fixtures/seed-cache-sample';
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

  await expect(page.getByRole('status', { name: 'Run result' })).toContainText('Reference cache open: 60 images');
  const table = page.getByRole('table', { name: 'mAP of the pseudo labels' });
  const row = (mode: string) => table.getByRole('row', { name: mode });
  // Default setting: ζ = 0.1, λ = 0, step AP, difficult positive (the fixture has no difficult objects).
  await expect(row('global')).toContainText(expected['global']!.toFixed(2));
  await expect(row('aggregate')).toContainText(expected['aggregate@0.1']!.toFixed(2));
  await expect(row('final')).toContainText(expected['final@0.1']!.toFixed(2));
  await page.getByLabel(/Threshold ζ/).fill('0');
  await expect(row('aggregate')).toContainText(expected['aggregate@0']!.toFixed(2));
  await expect(row('final')).toContainText(expected['final@0']!.toFixed(2));

  await expect(page.getByLabel('Temperature')).toBeDisabled();
  await expect(page.getByText('A reference cache stores scores, not embeddings')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Prompts' })).toHaveCount(0);
});
