import { expect, test } from '@playwright/test';

test('the app shell loads and names the WebGPU adapter it found', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');

  await expect(page.getByRole('heading', { level: 1, name: 'CDUL Lab' })).toBeVisible();
  const status = page.getByRole('status', { name: 'WebGPU adapter' });
  // CI runs with --enable-unsafe-webgpu, so an adapter must exist: a missing one fails loudly here.
  await expect(status).toContainText('WebGPU adapter found', { timeout: 30_000 });

  // The name shown is the one the browser reports, not a fixed string.
  const reported = await page.evaluate(async () => {
    const adapter = await navigator.gpu.requestAdapter();
    return adapter ? `${adapter.info.vendor} · ${adapter.info.architecture}` : 'none';
  });
  expect(reported).not.toBe('none');
  await expect(status).toContainText(reported);
  await expect(status).toContainText(/Largest storage buffer\s*\d+ MiB/);
  expect(errors).toEqual([]);
});

test('without WebGPU the shell says why instead of failing', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined });
  });
  await page.goto('/');
  const status = page.getByRole('status', { name: 'WebGPU adapter' });
  await expect(status).toContainText('No WebGPU adapter');
  await expect(status).toContainText('navigator.gpu is missing');
});
