import { expect, test } from '@playwright/test';
import { WorkspacePage } from './support/workspace-page';

/**
 * Issue 15, item 1 for training: on a software WebGPU adapter (SwiftShader here) the training form
 * defaults to the CPU backend and says why; a backend the user picks stays picked over a reload.
 */
test('the training form trains on the CPU on a software adapter until WebGPU is chosen', async ({ page }) => {
  const lab = await new WorkspacePage(page).open();
  await lab.computeRun({ backend: 'wasm', images: 8, grid: 1 });
  await lab.show('Training');
  const form = page.getByRole('region', { name: 'Train a classifier' });
  const backend = form.getByLabel('Backend');
  await expect(backend).toHaveValue('cpu');
  const why = form.getByRole('note', { name: 'Why the CPU trains here' });
  await expect(why).toContainText('software renderer');
  await backend.selectOption('webgpu');
  await expect(why).toHaveCount(0);
  await expect(form.getByText('the CPU backend trains several times faster here')).toBeVisible();
  await page.reload();
  await lab.show('Training');
  await expect(page.getByRole('region', { name: 'Train a classifier' }).getByLabel('Backend')).toHaveValue('webgpu');
});
