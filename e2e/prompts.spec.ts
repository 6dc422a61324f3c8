import { expect, test } from '@playwright/test';
import { WorkspacePage } from './support/workspace-page';

/**
 * Class names and the prompt template change the pseudo labels without the image encoder: the worker
 * runs only the text encoder and recomputes the similarities from the stored image embeddings.
 * demo-clip's text tower embeds a prompt on the axis of the class it names (models/demo-clip/SOURCE.md),
 * so a prompt naming no class ("giraffe") scores cosine 0 everywhere: cat's AP must change — and
 * restoring the names must restore every number exactly.
 */
test('editing class names and the prompt template recomputes mAP without re-encoding images', async ({ page }) => {
  test.setTimeout(180_000);
  const lab = await new WorkspacePage(page).open('?e2e');
  await lab.computeRun({ backend: 'wasm', images: 50 }, 'Done: 50 images, 50 encoded now');
  const table = lab.mapTable;
  await lab.maps();
  const before = await table.textContent();
  const inForce = page.getByRole('status', { name: 'Prompts in force' });
  await expect(inForce).toContainText('“a photo of a aeroplane”');

  // A bad template is refused in place, with the reason.
  const template = page.getByLabel('Prompt template');
  await template.fill('a photo');
  await expect(page.getByText("the prompt template 'a photo' has no {name} placeholder")).toBeVisible();
  await expect(page.getByRole('button', { name: 'Apply prompts' })).toBeDisabled();

  await template.fill('a picture of a {name}');
  await page.getByText(/Class names \(\d+ edited\)/).click();
  const cat = page.getByLabel('Name of class cat');
  await cat.fill('giraffe');
  await page.getByRole('button', { name: 'Apply prompts' }).click();
  await expect(inForce).toContainText('“a picture of a aeroplane”');
  await expect(page.getByText('Class names (1 edited)')).toBeVisible();
  await expect(table).not.toHaveText(before ?? '');

  await page.getByRole('button', { name: "Reset to the paper's prompts" }).click();
  await expect(inForce).toContainText('“a photo of a aeroplane”');
  await expect(inForce).toContainText('text encoder not needed (embedded before)');
  await expect(table).toHaveText(before ?? '');
  // The image encoder never ran again: one progress message per encoded chunk, none after the first run.
  const encodedChunks = await page.evaluate(
    () => (globalThis as unknown as { cdulE2e: { messages: { type: string }[] } }).cdulE2e.messages.filter((m) => m.type === 'progress').length,
  );
  expect(encodedChunks).toBe(Math.ceil(50 / 8) + 1);
});
