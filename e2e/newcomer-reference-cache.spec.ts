import { expect, test } from '@playwright/test';
import { SEED_CACHE_SAMPLE as SAMPLE } from './support/seed-cache-reference';

/**
 * Issue 15 item 9: a reference cache looks like what it is — the run panel names it (its model, grid
 * and temperature) instead of a computed run's progress, every view's title names its model, not the
 * workspace's demo-clip, and Compare disables what cannot apply to it, saying why (as the workspace).
 */
test('a reference cache: the run panel and title name it, Compare disables what its stored scores cannot do, with the reason', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByLabel('Choose a dataset folder').setInputFiles(SAMPLE);
  await page.getByLabel('Split').selectOption('train');
  await page.getByRole('list', { name: 'Reference caches' }).getByRole('button', { name: 'Evaluate RN50x64 (3×3)' }).click();

  await expect(page.getByRole('status', { name: 'Run result' })).toHaveText(
    'Reference cache RN50x64 · 3×3 · its own temperature: 60 images, scores as the reference reproduction stored them.',
  );
  await expect(page.getByRole('status', { name: 'Run progress' })).toHaveCount(0);
  const title = page.getByRole('note', { name: 'Run shown' });
  await expect(title).toHaveText(/^Showing seed-cache-sample \(\d+ files\) · train · RN50x64 · 3×3 · reference cache \(scores as stored\)$/);
  // The workspace's model (demo-clip) is for the next computed run: the cache is the selected folder's, so nothing to recompute.
  await expect(page.getByLabel('CLIP model')).toHaveValue('demo-clip');
  await expect(page.getByRole('status', { name: 'Not the selected run' })).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(title).toHaveText(/· RN50x64 · 3×3 · reference cache \(scores as stored\)$/);
  for (const side of ['A', 'B']) {
    const setting = page.getByRole('group', { name: `Setting ${side}` });
    const temperature = setting.getByRole('combobox', { name: 'Temperature' });
    await expect(temperature).toBeEnabled();
    await expect(temperature).toHaveAccessibleDescription(/another temperature rescales its global scores only \(α and β, and so the aggregate, stay at the cache's own scale/);
    // The reproduction's scale is the cache's own: offered once, the other entry disabled and saying so.
    await expect(temperature.getByRole('option', { name: "reference reproduction: 1/ln 100: the cache's own, above" })).toBeDisabled();
    await expect(temperature.getByRole('option', { name: 'paper: 100, global scores only' })).toBeEnabled();
    const template = setting.getByRole('textbox', { name: `Prompt template ${side}` });
    await expect(template).toBeDisabled();
    await expect(template).toHaveAccessibleDescription(/its prompts are the ones it was made with, so the prompt templates cannot change/);
  }
  // "Paper vs reference temperature" still compares the global scores: B shows the cache's own scale.
  await page.getByRole('button', { name: 'Paper vs reference temperature' }).click();
  await expect(page.getByRole('group', { name: 'Setting A' }).getByRole('combobox', { name: 'Temperature' })).toHaveValue('paper');
  await expect(page.getByRole('group', { name: 'Setting B' }).getByRole('combobox', { name: 'Temperature' })).toHaveValue('model');
});
