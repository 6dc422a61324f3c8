import { withBuiltPage } from './built-page';

type Figures = Record<string, number | string | null>;

/**
 * `train.*`: one CDUL training epoch (5,717 × 512 synthetic features → 20 classes, batches of 256,
 * pseudo-label update and loss read-back included) on the lab's GpuTrainer (WebGPU), its CpuTrainer
 * (JS) and TensorFlow.js (a dev-only comparison), in the same Chromium page (the e2e binary and flags):
 * bench/train/, built with the app's Vite config and served by `vite preview`. The page says which
 * adapter or backend gave each figure.
 */
export async function trainBench(): Promise<Figures> {
  return withBuiltPage('bench/train/index.html', '/bench/train/index.html', async (page) => {
    page.on('console', (message) => {
      if (message.text().startsWith('[train-bench]') || message.type() === 'error' || message.type() === 'warning') process.stderr.write(`${message.text()}\n`);
    });
    await page.waitForFunction(() => typeof window.cdulTrainBench === 'function', undefined, { timeout: 60_000 });
    return page.evaluate(() => window.cdulTrainBench!());
  });
}
