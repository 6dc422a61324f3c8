import { expect, test } from '@playwright/test';
import { MODES, WorkspacePage } from './support/workspace-page';

/**
 * Compare's prompt set: B under another template must show exactly what the workspace shows once that
 * template is applied there. demo-clip embeds a prompt as the sum of the class axes its words name
 * (models/demo-clip/SOURCE.md), so "{name} or a cat" pulls every class towards cat: the mAPs change.
 */
test('a prompt set compared side by side equals the same prompts applied in the workspace', async ({ page }) => {
  test.setTimeout(180_000);
  const lab = await new WorkspacePage(page).open('?e2e');
  await lab.computeRun({ backend: 'wasm', images: 50 }, 'Done: 50 images');
  const before = await lab.maps();

  await lab.show('Compare');
  const sideB = page.getByRole('group', { name: 'Setting B' });
  await sideB.getByLabel(/Threshold ζ/).fill('0.1');
  await sideB.getByLabel('Prompt template B').fill('a photo');
  await expect(sideB.getByText("the prompt template 'a photo' has no {name} placeholder")).toBeVisible();
  await sideB.getByLabel('Prompt template B').fill('{name} or a cat');
  await sideB.getByLabel('Prompt template B').press('Enter');
  const table = page.getByRole('table', { name: 'mAP of A and B' });
  const cells = (mode: string) => table.getByRole('row', { name: mode }).getByRole('cell');
  for (const mode of MODES) await expect(cells(mode).first()).toHaveText(before[mode]);
  await expect(cells('global').nth(1)).not.toHaveText(before.global, { timeout: 60_000 });
  const compared = await Promise.all(MODES.map((mode) => cells(mode).nth(1).textContent()));

  // The comparison is in the URL: a reload (the finished run reopens from the cache) shows it again.
  await expect(page).toHaveURL(/btpl=%7Bname%7D\+or\+a\+cat/);
  await lab.reloadAndReopen();
  await expect(page.getByRole('group', { name: 'Setting B' }).getByLabel('Prompt template B')).toHaveValue('{name} or a cat');
  for (const [k, mode] of MODES.entries()) await expect(cells(mode).nth(1)).toHaveText(compared[k]!, { timeout: 60_000 });

  await lab.show('Workspace');
  await page.getByLabel('Prompt template').fill('{name} or a cat');
  await page.getByRole('button', { name: 'Apply prompts' }).click();
  await expect(page.getByRole('status', { name: 'Prompts in force' })).toContainText('“aeroplane or a cat”');
  for (const [k, mode] of MODES.entries()) await expect(lab.mapTable.getByRole('row', { name: mode }).getByRole('cell')).toHaveText(compared[k]!);
});
