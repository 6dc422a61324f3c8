import { expect, test, type Page } from '@playwright/test';
import { cliReference } from './support/cli-reference';
import { MODES, WorkspacePage } from './support/workspace-page';

const FIRST = 8; // SwiftShader runs tiny-vit at ~0.3 s per crop: a named subset keeps the test short

/** The embeddings the browser stored for its one run, in chunk order (global, then snippets, per image). */
async function storedEmbeddings(page: Page): Promise<number[]> {
  return page.evaluate(async (url) => {
    const { openEmbeddingStore } = (await import(url)) as typeof import('../src/worker/storage/embedding-store');
    const store = openEmbeddingStore();
    const [run] = await store.listRuns();
    const values: number[] = [];
    for await (const chunk of store.readChunks(run!.key)) values.push(...chunk.embeddings);
    return values;
  }, '/src/worker/storage/embedding-store.ts');
}

test('demo dataset → pseudo labels on WebGPU with the CLI’s mAPs; a reload recomputes nothing', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = await new WorkspacePage(page).open();
  await expect(page.getByText('Demo dataset (built in)')).toBeVisible();
  await lab.choose({ model: 'tiny-vit', grid: 2, images: FIRST, backend: 'webgpu' });
  await lab.compute();

  await expect(page.getByLabel('Execution provider')).toContainText('WebGPU', { timeout: 60_000 });
  await lab.waitForResult(`Done: ${FIRST} images, ${FIRST} encoded now`);
  const { result, mapTable: table } = lab;
  const cli = cliReference(FIRST, 'tiny-vit', 2);
  const expected = cli.maps;
  // Identical within 1e-4 to `cdul cache` (onnxruntime-node) on the same model and images.
  const browser = await storedEmbeddings(page);
  expect(browser.length).toBe(cli.embeddings.length);
  const maxDifference = browser.reduce((max, value, k) => Math.max(max, Math.abs(value - cli.embeddings[k]!)), 0);
  expect(maxDifference).toBeLessThan(1e-4);
  console.log(`max |browser − CLI| embedding difference: ${maxDifference.toExponential(2)} over ${browser.length} values`);
  for (const mode of MODES) {
    await expect(table.getByRole('row', { name: mode })).toContainText(expected[mode].toFixed(2));
  }

  // A reload reopens the finished run by itself, from the browser cache.
  await lab.reloadAndReopen();
  await expect(page.getByRole('status', { name: 'Reopened run' })).toBeVisible();
  await expect(page.getByLabel('CLIP model')).toHaveValue('tiny-vit');
  await expect(result).toContainText('all from the browser cache (nothing recomputed)');
  await expect(page.getByLabel('Browser storage')).toContainText(/^1 run\(s\) of embeddings, [\d.]+ MB/);
  for (const mode of MODES) {
    await expect(table.getByRole('row', { name: mode })).toContainText(expected[mode].toFixed(2));
  }

  // Clearing the stored embeddings makes the next run encode again.
  await page.getByRole('button', { name: 'Clear computed embeddings' }).click();
  await expect(page.getByLabel('Browser storage')).toContainText(/^0 run\(s\) of embeddings/);
});
