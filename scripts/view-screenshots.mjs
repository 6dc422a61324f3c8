#!/usr/bin/env node
/**
 * Screenshots of every view as a newcomer sees them, at 1280×800 and 1920×1080: the workspace before
 * and after "Compute pseudo labels" on the demo, then Gallery, Image, Compare and Training.
 *
 *   node scripts/view-screenshots.mjs --url http://localhost:5173 --out docs/screenshots/now [--query '?backend=wasm']
 *
 * Needs a running lab (`npm start`). Uses the system Chromium (CHROME_PATH overrides), like the e2e tests.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:5173' },
    out: { type: 'string', default: 'docs/screenshots/now' },
    query: { type: 'string', default: '' },
    sizes: { type: 'string', default: '1280x800,1920x1080' },
  },
});
const chromiumArgs = ['--enable-unsafe-webgpu', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const VIEWS = ['Gallery', 'Image', 'Compare', 'Training'];

async function shoot(page, dir, name) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  console.log(`${name}.png  page width ${width}px`);
}

/** Three CPU epochs on the computed run, so the runs table, curves and run detail have something to show. */
async function trainShortRun(page) {
  const form = page.getByRole('region', { name: 'Train a classifier' });
  await form.getByRole('spinbutton', { name: 'Epochs', exact: true }).fill('3');
  await form.getByLabel('Backend').selectOption('cpu');
  await form.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('heading', { name: /^Run .*: (finished|stopped|failed)/ }).waitFor({ timeout: 300_000 });
  await page.waitForTimeout(1000);
}

async function walk(browser, width, height) {
  const dir = join(values.out, `${width}x${height}`);
  mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${values.url}/${values.query}`);
  await page.getByRole('heading', { level: 1, name: 'CDUL Lab' }).waitFor();
  await page.waitForTimeout(1500);
  await shoot(page, dir, '1-workspace-first-visit');
  await page.getByRole('button', { name: 'Compute pseudo labels' }).click();
  await page.getByRole('status', { name: 'Run result' }).waitFor({ timeout: 600_000 });
  await page.waitForTimeout(1000);
  await shoot(page, dir, '2-workspace-after-compute');
  for (const [index, view] of VIEWS.entries()) {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view, exact: true }).click();
    await page.waitForTimeout(2500);
    await shoot(page, dir, `${index + 3}-${view.toLowerCase()}`);
  }
  await trainShortRun(page);
  await shoot(page, dir, '7-training-with-a-run');
  await context.close();
}

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: chromiumArgs });
try {
  for (const size of values.sizes.split(',')) {
    const [width, height] = size.split('x').map(Number);
    await walk(browser, width, height);
  }
} finally {
  await browser.close();
}
