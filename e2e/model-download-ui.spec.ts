import { expect, test, type Page } from '@playwright/test';
import { HubServer } from './support/hub-server';
import { WorkspacePage } from './support/workspace-page';

let hub: HubServer;
test.beforeAll(async () => {
  hub = await HubServer.start({ 'cdul-lab/tiny-vit': 'models/tiny-vit' });
});
test.afterAll(async () => {
  await hub.close();
});

async function compute(page: Page) {
  await new WorkspacePage(page).computeRun({ model: 'tiny-vit', grid: 1, images: 8, backend: 'wasm' }, 'Done: 8 images');
}

test('a model downloaded from a hub-layout server: one progress bar to 100%, then served from the browser cache', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`/?hub=${encodeURIComponent(hub.url)}`);
  await page.getByRole('button', { name: 'Clear model cache' }).click();
  await compute(page);
  const status = page.getByRole('status', { name: 'Model download status' });
  await expect(status).toContainText('(100%)');
  await expect(status).not.toContainText('from the browser cache');
  await expect(status).toContainText('6/6 files');
  const requests = hub.requestCount();
  expect(requests).toBeGreaterThanOrEqual(6);
  await expect(page.getByLabel('Model cache')).toContainText(/Models kept in this browser: [1-9][\d.]* MB/);

  await page.reload();
  await compute(page);
  await expect(status).toContainText('from the browser cache');
  await expect(status).toContainText('(100%)');
  expect(hub.requestCount()).toBe(requests);
});
