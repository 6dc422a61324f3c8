import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const DEMO = 'public/demo/voc-demo';
const FIRST = 8; // SwiftShader runs tiny-vit at ~0.3 s per crop: a named subset keeps the test short
type Modes = Record<'global' | 'aggregate' | 'final', number>;

/** The same pseudo-label mAPs through the CLI (onnxruntime-node) on the same images: the first 8 of val. */
function cliMaps(): Modes {
  const root = mkdtempSync(join(tmpdir(), 'cdul-e2e-cli-'));
  try {
    cpSync(DEMO, join(root, 'voc'), { recursive: true });
    const ids = readFileSync(join(DEMO, 'ImageSets/Main/val.txt'), 'utf8').split('\n').filter(Boolean).slice(0, FIRST);
    writeFileSync(join(root, 'voc/ImageSets/Main/val.txt'), `${ids.join('\n')}\n`);
    const cdul = (args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
    const out = join(root, 'cache');
    cdul(['cache', '--voc', join(root, 'voc'), '--split', 'val', '--model', 'models/tiny-vit', '--grid', '2', '--out', out]);
    const evaluate = (mode: string) => {
      const thresh = mode === 'global' ? [] : ['--thresh', '0.1'];
      const args = ['evaluate', '--voc', join(root, 'voc'), '--split', 'val', '--source', 'cache', '--cache', out, '--mode', mode, ...thresh, '--json'];
      return (JSON.parse(cdul(args)) as { mAP: number }).mAP;
    };
    return { global: evaluate('global'), aggregate: evaluate('aggregate'), final: evaluate('final') };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('demo dataset → pseudo labels on WebGPU with the CLI’s mAPs; a reload recomputes nothing', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await expect(page.getByText('Demo dataset (built in)')).toBeVisible();
  await page.getByLabel('CLIP model').selectOption('tiny-vit');
  await page.getByLabel('Snippet grid').selectOption('2');
  await page.getByLabel('Images to encode').selectOption(String(FIRST));
  await page.getByRole('button', { name: 'Compute pseudo labels' }).click();

  await expect(page.getByLabel('Execution provider')).toContainText('WebGPU', { timeout: 60_000 });
  const result = page.getByRole('status', { name: 'Run result' });
  await expect(result).toContainText(`Done: ${FIRST} images, ${FIRST} encoded now`, { timeout: 240_000 });
  const table = page.getByRole('table', { name: 'mAP of the pseudo labels' });
  const expected = cliMaps();
  for (const mode of ['global', 'aggregate', 'final'] as const) {
    await expect(table.getByRole('row', { name: mode })).toContainText(expected[mode].toFixed(2));
  }

  await page.reload();
  await page.getByLabel('CLIP model').selectOption('tiny-vit');
  await page.getByLabel('Snippet grid').selectOption('2');
  await page.getByLabel('Images to encode').selectOption(String(FIRST));
  await page.getByRole('button', { name: 'Compute pseudo labels' }).click();
  await expect(result).toContainText('all from the browser cache (nothing recomputed)', { timeout: 60_000 });
  await expect(page.getByLabel('Browser storage')).toContainText(/^1 run\(s\) of embeddings, [\d.]+ MB/);
  for (const mode of ['global', 'aggregate', 'final'] as const) {
    await expect(table.getByRole('row', { name: mode })).toContainText(expected[mode].toFixed(2));
  }

  // Clearing the stored embeddings makes the next run encode again.
  await page.getByRole('button', { name: 'Clear computed embeddings' }).click();
  await expect(page.getByLabel('Browser storage')).toContainText(/^0 run\(s\) of embeddings/);
});
