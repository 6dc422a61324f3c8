import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { MODES, RUN_TIMEOUT, WorkspacePage, type ModeMaps } from './support/workspace-page';

type Maps = Record<(typeof MODES)[number], number>;

/**
 * A cache computed elsewhere: `cdul cache` (onnxruntime-node) writes voc-mini's 100 real photos with
 * tiny-vit, 2×2 grid; the lab opens that folder next to the dataset folder, through the two folder
 * inputs, and must show the mAPs `cdul evaluate --source cache` computes from it — at the model's
 * temperature and at the reference reproduction's.
 */
let root = '';
let cli: { own: Maps; reference: Maps; demo: Maps };

const cdul = (args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
const evaluate = (scale: string[], dataset = ['--dataset', join(root, 'VOC2012')], cache = join(root, 'cache')): Maps => {
  const mapOf = (mode: string) => {
    const thresh = mode === 'global' ? [] : ['--thresh', '0.1'];
    const args = ['evaluate', ...dataset, '--source', 'cache', '--cache', cache, '--mode', mode, ...thresh, ...scale, '--json'];
    return (JSON.parse(cdul(args)) as { mAP: number }).mAP;
  };
  return { global: mapOf('global'), aggregate: mapOf('aggregate'), final: mapOf('final') };
};

test.beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cdul-e2e-cache-folder-'));
  cpSync('e2e/fixtures/voc-mini', join(root, 'VOC2012'), { recursive: true });
  cdul(['cache', '--dataset', join(root, 'VOC2012'), '--model', 'models/tiny-vit', '--grid', '2', '--out', join(root, 'cache')]);
  // The demo dataset (built in, served over HTTP: a reload can reopen it) with demo-clip, 1×1.
  const demo = ['--dataset', 'public/demo/voc-demo', '--split', 'val'];
  cdul(['cache', ...demo, '--model', 'models/demo-clip', '--grid', '1', '--out', join(root, 'demo-cache')]);
  cli = { own: evaluate([]), reference: evaluate(['--scale', 'reference']), demo: evaluate([], demo, join(root, 'demo-cache')) };
  console.log(`cdul evaluate --source cache (ζ 0.1, λ 0): ${JSON.stringify(cli)}`);
});
test.afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The shown mAPs (two decimals) equal the CLI's to display precision. */
function expectSame(shown: ModeMaps, expected: Maps): void {
  for (const mode of MODES) expect(Math.abs(Number(shown[mode]) - expected[mode]), `${mode}: ${shown[mode]} vs ${expected[mode]}`).toBeLessThanOrEqual(0.0051);
}

async function openCache(page: Page, lab: WorkspacePage, stored: string): Promise<void> {
  await page.getByLabel('Choose a cdul cache folder').setInputFiles(join(root, 'cache'));
  await lab.waitForResult(`Cache folder open: 100 images, embedded by tiny-vit elsewhere, ${stored}`);
}

test('a cdul cache folder opened next to its dataset shows the CLI’s mAPs; temperature and prompts work', async ({ page }) => {
  test.setTimeout(RUN_TIMEOUT);
  const lab = await new WorkspacePage(page).open();
  await page.getByLabel('Choose a dataset folder').setInputFiles(join(root, 'VOC2012'));
  await expect(page.getByRole('region', { name: 'Dataset' }).getByText(/VOC2012 \(\d+ files\)/)).toBeVisible();
  await lab.choose({ model: 'tiny-vit' });
  await openCache(page, lab, '100 stored in this browser now');
  const cacheStatus = page.getByRole('status', { name: 'Cache folder' });
  await expect(cacheStatus).toContainText('cache · tiny-vit · 2×2 grid · prompt changes run its model’s text encoder');
  const inForce = page.getByRole('status', { name: 'Prompts in force' });
  await expect(inForce).toContainText('“a photo of a aeroplane”');
  expectSame(await lab.maps(), cli.own);

  const before = await lab.mapTable.textContent();
  await page.getByLabel('Temperature').selectOption('reference');
  await expect(lab.mapTable).not.toHaveText(before ?? '');
  expectSame(await lab.maps(), cli.reference);
  await page.getByLabel('Temperature').selectOption('model');

  // Prompts: the lab's tiny-vit embeds a new template; the paper's prompts again give the CLI's numbers.
  await page.getByLabel('Prompt template').fill('a blurry photo of a {name}');
  await page.getByRole('button', { name: 'Apply prompts' }).click();
  await expect(inForce).toContainText('“a blurry photo of a aeroplane”');
  await expect(lab.mapTable).not.toHaveText(before ?? '');
  await page.getByRole('button', { name: "Reset to the paper's prompts" }).click();
  await expect(inForce).toContainText('“a photo of a aeroplane”');
  expectSame(await lab.maps(), cli.own);

  // Opened again with another model chosen: nothing is imported twice; only prompt changes are refused, saying why.
  await lab.choose({ model: 'demo-clip' });
  await openCache(page, lab, 'already in this browser');
  await expect(cacheStatus).toContainText("prompt changes need the cache's model tiny-vit (the lab has demo-clip chosen)");
  expectSame(await lab.maps(), cli.own);
  await page.getByRole('button', { name: 'Apply prompts' }).click();
  await expect(page.getByRole('alert')).toContainText("The prompts were not changed: prompt changes need the cache's model tiny-vit");
});

test('a cache opened next to another dataset is refused, naming its manifest', async ({ page }) => {
  test.setTimeout(RUN_TIMEOUT);
  await new WorkspacePage(page).open();
  // The demo dataset (preselected) is not voc-mini: none of the cache's images is in it.
  await page.getByLabel('Choose a cdul cache folder').setInputFiles(join(root, 'cache'));
  await expect(page.getByRole('alert')).toContainText(/cache\/manifest\.json: none of its 100 images \(e\.g\. 2007_000027\) is in/, { timeout: RUN_TIMEOUT });
});

test('a cache folder of the demo dataset is reopened from the browser’s store after a reload', async ({ page }) => {
  test.setTimeout(RUN_TIMEOUT);
  const lab = await new WorkspacePage(page).open();
  await page.getByLabel('Choose a cdul cache folder').setInputFiles(join(root, 'demo-cache'));
  await lab.waitForResult('Cache folder open: 100 images, embedded by demo-clip elsewhere, 100 stored in this browser now');
  expectSame(await lab.maps(), cli.demo);
  await page.reload();
  await lab.waitForResult('Cache folder open: 100 images, embedded by demo-clip elsewhere, already in this browser');
  await expect(page.getByRole('status', { name: 'Cache folder' })).toContainText('demo-cache · demo-clip · 1×1 grid');
  expectSame(await lab.maps(), cli.demo);
});
