import { expect, test } from '@playwright/test';

const MODES = ['global', 'aggregate', 'final'] as const;

/**
 * Compare's prompt set: B under another template must show exactly what the workspace shows once that
 * template is applied there. demo-clip embeds a prompt as the sum of the class axes its words name
 * (models/demo-clip/SOURCE.md), so "{name} or a cat" pulls every class towards cat: the mAPs change.
 */
test('a prompt set compared side by side equals the same prompts applied in the workspace', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?e2e');
  await page.getByLabel('Run on').selectOption('wasm');
  await page.getByLabel('Images to encode').selectOption('50');
  await page.getByRole('button', { name: 'Compute pseudo labels' }).click();
  await expect(page.getByRole('status', { name: 'Run result' })).toContainText('Done: 50 images', { timeout: 150_000 });
  const workspace = page.getByRole('table', { name: 'mAP of the pseudo labels' });
  await expect(workspace.getByRole('row', { name: 'final' })).toContainText(/\d+\.\d\d/);
  const before = await Promise.all(MODES.map((mode) => workspace.getByRole('row', { name: mode }).getByRole('cell').textContent()));

  const views = page.getByRole('navigation', { name: 'Views' });
  await views.getByRole('button', { name: 'Compare' }).click();
  const sideB = page.getByRole('group', { name: 'Setting B' });
  await sideB.getByLabel(/Threshold ζ/).fill('0.1');
  await sideB.getByLabel('Prompt template B').fill('a photo');
  await expect(sideB.getByText("the prompt template 'a photo' has no {name} placeholder")).toBeVisible();
  await sideB.getByLabel('Prompt template B').fill('{name} or a cat');
  await sideB.getByLabel('Prompt template B').press('Enter');
  const table = page.getByRole('table', { name: 'mAP of A and B' });
  const cells = (mode: string) => table.getByRole('row', { name: mode }).getByRole('cell');
  for (const [k, mode] of MODES.entries()) await expect(cells(mode).first()).toHaveText(before[k]!);
  await expect(cells('global').nth(1)).not.toHaveText(before[0]!, { timeout: 30_000 });
  const compared = await Promise.all(MODES.map((mode) => cells(mode).nth(1).textContent()));

  // The comparison is in the URL: a reload (the finished run reopens from the cache) shows it again.
  await expect(page).toHaveURL(/btpl=%7Bname%7D\+or\+a\+cat/);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Setting B' }).getByLabel('Prompt template B')).toHaveValue('{name} or a cat');
  for (const [k, mode] of MODES.entries()) await expect(cells(mode).nth(1)).toHaveText(compared[k]!, { timeout: 60_000 });

  await views.getByRole('button', { name: 'Workspace' }).click();
  await page.getByLabel('Prompt template').fill('{name} or a cat');
  await page.getByRole('button', { name: 'Apply prompts' }).click();
  await expect(page.getByRole('status', { name: 'Prompts in force' })).toContainText('“aeroplane or a cat”');
  for (const [k, mode] of MODES.entries()) await expect(workspace.getByRole('row', { name: mode }).getByRole('cell')).toHaveText(compared[k]!);
});
