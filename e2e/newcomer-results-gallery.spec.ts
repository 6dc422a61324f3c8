import { expect, test, type Page } from '@playwright/test';
import { previewPort } from '../playwright.config';
import { fillTrainingForm, waitForStatus } from './support/training-page';
import { WorkspacePage } from './support/workspace-page';

/**
 * Issue 15 items 10 and 11 (filters): after Compute, a bar says the results are ready and leads to them,
 * the gallery and Compare; the gallery's controls (labels, cut, class, filter, sort) and a training run's
 * refined labels come back from the URL after a reload; a class and a filter read together ("with
 * person a false positive": false positives of person), checked against the worker's own scores.
 */

// The production preview: a dev server reloads the page whenever a file of the shared tree changes.
test.use({ baseURL: `http://localhost:${previewPort}` });

interface Scores {
  ids: string[];
  classes: string[];
  scores: { global: number[] };
  truth: number[];
}

/** The last 'scores' answer the worker gave the page (the `?e2e` hooks log every message), typed arrays as plain ones. */
async function lastScores(page: Page): Promise<Scores> {
  return page.evaluate(() => {
    type Log = { cdulE2e: { messages: { type: string; result?: { kind: string } }[] } };
    const last = (globalThis as unknown as Log).cdulE2e.messages.filter((m) => m.type === 'query-result' && m.result?.kind === 'scores').at(-1);
    if (!last) throw new Error('no scores answer yet');
    return JSON.parse(JSON.stringify(last.result, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v)));
  }) as Promise<Scores>;
}

type ErrorFilter = 'has-fp' | 'has-missed';

/**
 * A filter, class and cut where "errors of the class" (a false positive: score ≥ cut on a negative; a
 * missed label: score < cut on a positive, difficult counting as positive as by default) differ from
 * "images with the class that have some such error" — the reading the filters had before — so the
 * check can tell them apart. False positives first (the example); demo-clip's global labels
 * have few, missed small objects many.
 */
function discriminatingCase(s: Scores): { filter: ErrorFilter; cut: number; c: number; expected: string[] } {
  const C = s.classes.length;
  const error = (filter: ErrorFilter, image: number, c: number, cut: number) => {
    const score = s.scores.global[image * C + c]!;
    const truth = s.truth[image * C + c]!;
    return filter === 'has-fp' ? score >= cut && truth === -1 : score < cut && truth !== -1;
  };
  const cases: { filter: ErrorFilter; cut: number; c: number; expected: string[] }[] = [];
  for (const filter of ['has-fp', 'has-missed'] as const) {
    for (const cut of [0.3, 0.2, 0.1, 0.5]) {
      for (let c = 0; c < C; c++) {
        const ofClass = s.ids.filter((_id, image) => error(filter, image, c, cut));
        const present = (image: number) => s.truth[image * C + c] !== -1 || s.scores.global[image * C + c]! >= cut;
        const anyError = (image: number) => s.classes.some((_name, other) => error(filter, image, other, cut));
        const before = s.ids.filter((_id, image) => present(image) && anyError(image));
        if (ofClass.length > 0 && JSON.stringify(ofClass) !== JSON.stringify(before)) cases.push({ filter, cut, c, expected: ofClass });
      }
    }
  }
  if (!cases[0]) throw new Error('no class tells the two readings apart on these images');
  return cases[0];
}

async function tileIds(page: Page): Promise<string[]> {
  const names = await page.getByRole('grid', { name: 'Gallery' }).getByRole('gridcell').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label') ?? ''));
  return names.map((name) => name.slice(0, name.indexOf(':')));
}

test('after Compute a bar leads on; the gallery’s class and filter read together and come back from the URL', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = await new WorkspacePage(page).open('?e2e');
  await lab.computeRun({ backend: 'wasm', images: 8 }, 'Done: 8 images');

  // The bar is on the screen (held at its bottom), though the results are below the fold at 1280×800.
  const bar = page.getByRole('status', { name: 'Results ready' });
  await expect(bar).toContainText('Results ready — pseudo labels of 8 images');
  await expect(bar).toBeInViewport();
  await expect(page.getByRole('heading', { level: 2, name: 'Pseudo labels', exact: true })).not.toBeInViewport();
  await bar.getByRole('button', { name: 'Pseudo labels below' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Pseudo labels', exact: true })).toBeInViewport();
  await expect(page.getByRole('heading', { level: 2, name: 'Pseudo labels', exact: true })).toBeFocused();
  await bar.getByRole('button', { name: 'Gallery' }).click();
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Gallery' })).toHaveAttribute('aria-current', 'page');
  const grid = page.getByRole('grid', { name: 'Gallery' });
  await expect(grid.getByRole('gridcell')).toHaveCount(8);

  // Global labels at a cut where one class's false positives differ from "images of the class with any false positive".
  await page.getByLabel('Labels', { exact: true }).selectOption('global');
  const scores = await lastScores(page);
  const { filter, cut, c, expected } = discriminatingCase(scores);
  const className = await page.getByLabel('Class', { exact: true }).locator(`option[value="${scores.classes[c]}"]`).textContent();
  await page.getByLabel(/^Label cut/).fill(String(cut));
  await page.getByLabel('Class', { exact: true }).selectOption(scores.classes[c]!);
  await page.getByLabel('Show', { exact: true }).selectOption({ label: filter === 'has-fp' ? `with ${className} a false positive` : `with ${className} missed` });
  await page.getByLabel('Sort', { exact: true }).selectOption({ label: 'by confidence (highest score first)' });
  await expect(page.getByRole('status', { name: 'Images shown' })).toHaveText(`${expected.length} of 8 images`);
  console.log(`  ${filter} of ${className} at cut ${cut}: ${expected.join(', ')}`);
  // By confidence in the class: its score, highest first (ties in split order).
  const C = scores.classes.length;
  const byScore = [...expected].sort((a, b) => scores.scores.global[scores.ids.indexOf(b) * C + c]! - scores.scores.global[scores.ids.indexOf(a) * C + c]!);
  expect(await tileIds(page)).toEqual(byScore);

  await expect(page).toHaveURL(new RegExp(`labels=global&cut=${cut}&show=${filter}&sort=score&gallery-class=${scores.classes[c]}`));
  await lab.reloadAndReopen();
  await expect(page.getByLabel('Labels', { exact: true })).toHaveValue('global');
  await expect(page.getByLabel(/^Label cut/)).toHaveValue(String(cut));
  await expect(page.getByLabel('Class', { exact: true })).toHaveValue(scores.classes[c]!);
  await expect(page.getByLabel('Show', { exact: true })).toHaveValue(filter);
  await expect(page.getByLabel('Sort', { exact: true })).toHaveValue('score');
  await expect(page.getByRole('status', { name: 'Images shown' })).toHaveText(`${expected.length} of 8 images`);
  expect(await tileIds(page)).toEqual(byScore);
});

test('the refined labels shown in the gallery survive a reload', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = await new WorkspacePage(page).open('?e2e');
  await lab.computeRun({ backend: 'wasm', images: 8, grid: 1 }, 'Done: 8 images');
  await lab.show('Training');
  await fillTrainingForm(page, { Backend: 'cpu', Epochs: '3', 'Warm-up epochs': '1', 'Update labels every k epochs': '1', 'Batch size': '4' });
  await page.getByRole('region', { name: 'Train a classifier' }).getByRole('button', { name: 'Train', exact: true }).click();
  await waitForStatus(page, '#1', 'finished');
  await page.getByRole('button', { name: 'Refined labels of #1 in the gallery' }).click();

  const labels = page.getByLabel('Labels', { exact: true });
  await expect(labels).toHaveValue('refined');
  await expect(page.getByRole('note', { name: 'Refined labels' })).toContainText('Training run #1');
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'where training changed a label' });
  const shown = await page.getByRole('status', { name: 'Images shown' }).textContent();
  await expect(page).toHaveURL(/labels=refined&show=refined-changed&trained=[\w.-]+/);

  await lab.reloadAndReopen();
  // Back on refined (not final), the same filter and the same count.
  await expect(labels).toHaveValue('refined');
  await expect(page.getByRole('note', { name: 'Refined labels' })).toContainText('Training run #1');
  await expect(page.getByLabel('Show', { exact: true })).toHaveValue('refined-changed');
  await expect(page.getByRole('status', { name: 'Images shown' })).toHaveText(shown!);
});
