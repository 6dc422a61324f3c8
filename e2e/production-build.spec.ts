import { expect, test } from '@playwright/test';
import { previewPort } from '../playwright.config';
import { WorkspacePage } from './support/workspace-page';

/**
 * The production build (what `npm run build` deploys) is not the dev server: only public/ and the
 * bundle are in it. This runs the preselected demo there — the built-in model, onnxruntime's WASM
 * files and the workers must all be part of the build.
 */
test('the production build serves the demo, its built-in model and onnxruntime: one click gives mAPs', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`http://localhost:${previewPort}/`);
  const lab = new WorkspacePage(page);
  await expect(page.getByText('Demo dataset (built in)')).toBeVisible();
  // WASM: demo-clip's per-pixel softmax takes seconds per crop on SwiftShader's WebGPU.
  await lab.computeRun({ backend: 'wasm', images: 8 }, 'Done: 8 images, 8 encoded now');
  const modelFile = await page.request.get(`http://localhost:${previewPort}/models/demo-clip/onnx/vision_model.onnx`);
  expect(modelFile.headers()['content-type']).not.toContain('text/html');
  await lab.maps();
});
