import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REFERENCE_REPRODUCTION_SCALE } from '../src/core/cdul/temperature';
import { fillTrainingForm, waitForStatus } from './support/training-page';
import { epochRowsByHeader, scoresAnswer, sentQueries, withPlainFolderRun } from './support/unlabelled-page';
import type { WorkspacePage } from './support/workspace-page';

/**
 * A plain folder of photos with a 5-class classes.txt (no ground truth) through the folder input:
 * Compare shows positives per class, the images whose labels change and the per-class Jaccard of A and B
 * — numbers checked here against a recomputation from the worker's own 'scores' answers — and never asks
 * the questions that need ground truth; a short training run finishes, with loss and label movement and
 * no mAP charts.
 */
const CLASSES = ['person', 'dog', 'cat', 'car', 'diningtable'];
/** Class names as every view shows them (the gallery's, issue 15 item 8): VOC's tokens read as words. */
const SHOWN_NAMES: Record<string, string> = { diningtable: 'dining table' };
const MODE = 'final';
const CUT = 0.2;
const SHOTS = process.env.CDUL_SCREENSHOTS; // a folder: also save screenshots of the views there

interface Expected {
  readonly perClass: readonly { positivesA: number; positivesB: number; both: number; jaccard: string }[];
  readonly mean: string;
  readonly changed: number;
}

/** Brute force, from the two score matrices: each class's positive sets under A and B as sets of image rows. */
function expectedAgreement(classes: number, a: readonly number[], b: readonly number[], cut: number): Expected {
  const images = a.length / classes;
  const perClass = Array.from({ length: classes }, (_, c) => {
    const setA = new Set<number>();
    const setB = new Set<number>();
    for (let row = 0; row < images; row++) {
      if (a[row * classes + c]! >= cut) setA.add(row);
      if (b[row * classes + c]! >= cut) setB.add(row);
    }
    const both = [...setA].filter((row) => setB.has(row)).length;
    const union = new Set([...setA, ...setB]).size;
    return { positivesA: setA.size, positivesB: setB.size, both, jaccard: union === 0 ? null : both / union };
  });
  const defined = perClass.flatMap((row) => (row.jaccard === null ? [] : [row.jaccard]));
  let changed = 0;
  for (let row = 0; row < images; row++) {
    const differs = Array.from({ length: classes }, (_, c) => a[row * classes + c]! >= cut !== b[row * classes + c]! >= cut).some(Boolean);
    if (differs) changed++;
  }
  return {
    perClass: perClass.map((row) => ({ ...row, jaccard: row.jaccard === null ? 'no positive' : row.jaccard.toFixed(3) })),
    mean: defined.length === 0 ? '—' : (defined.reduce((sum, value) => sum + value, 0) / defined.length).toFixed(3),
    changed,
  };
}

async function tableRows(page: Page, name: string): Promise<string[][]> {
  return page.getByRole('table', { name }).locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent ?? '')));
}

test('a plain folder without ground truth: Compare shows positives, changes and Jaccard; training runs without mAP', async ({ page }) => {
  test.setTimeout(420_000);
  await withPlainFolderRun(page, { classes: CLASSES, grid: 2, images: 8 }, async (lab) => {
    await compareWithoutTruth(page, lab);
    await trainWithoutTruth(page, lab);
    // Not one question that needs ground truth was asked, and none failed.
    const kinds = new Set((await sentQueries(page)).map((sent) => sent.query.kind));
    for (const kind of ['evaluation', 'pr-curves', 'zeta-sweep']) expect(kinds.has(kind), kind).toBe(false);
    const errors = await page.evaluate(() => (globalThis as unknown as { cdulE2e: { messages: { type: string }[] } }).cdulE2e.messages.filter((m) => m.type === 'query-error'));
    expect(errors).toEqual([]);
  });
});

/** A at the model's temperature, B at the reference reproduction's (nearly uniform scores), at a label cut of 0.2. */
async function compareWithoutTruth(page: Page, lab: WorkspacePage): Promise<void> {
  await lab.show('Compare');
  await expect(page.getByRole('note', { name: 'No ground truth' })).toContainText('This dataset has no ground truth');
  const sideA = page.getByRole('group', { name: 'Setting A' });
  const sideB = page.getByRole('group', { name: 'Setting B' });
  // Nothing to measure AP with: the AP convention and difficult handling are not offered, nor mAP tables or curves.
  await expect(sideA.getByLabel('AP convention')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'mAP of A and B' })).toHaveCount(0);
  if (process.env.E2E_SHOTS) await page.screenshot({ path: join(process.env.E2E_SHOTS, 'unlabelled-compare.png'), fullPage: true });
  await expect(page.getByRole('figure', { name: /mAP versus ζ/ })).toHaveCount(0);
  await sideA.getByLabel(/Threshold ζ/).fill('0.15');
  await sideB.getByLabel(/Threshold ζ/).fill('0.85');
  await sideB.getByLabel('Temperature').selectOption('reference');
  const agreementRegion = page.getByRole('region', { name: 'Positives per class and agreement of A and B' });
  await agreementRegion.getByLabel('Pseudo labels').selectOption(MODE);
  await agreementRegion.getByLabel('Label cut').fill(String(CUT));
  await expect(agreementRegion.getByText(`Label cut = ${CUT.toFixed(2)}`)).toBeVisible();

  const scoresA = await scoresAnswer(page, 0.15, null);
  const scoresB = await scoresAnswer(page, 0.85, REFERENCE_REPRODUCTION_SCALE.scale);
  expect(scoresA.classes).toEqual(CLASSES);
  expect(scoresA.truth).toBeNull();
  expect(scoresB.ids).toEqual(scoresA.ids);
  const expected = expectedAgreement(CLASSES.length, scoresA.scores[MODE], scoresB.scores[MODE], CUT);
  console.log(`  expected per class ${JSON.stringify(expected.perClass)}, mean ${expected.mean}, ${expected.changed} images change`);
  // The data must give the comparison something to show: positives on both sides and labels that change.
  expect(expected.perClass.some((row) => row.positivesA > 0) && expected.perClass.some((row) => row.positivesB > 0)).toBe(true);
  expect(expected.changed).toBeGreaterThan(0);

  const tableName = `Positives per class and agreement of A and B (${MODE})`;
  await expect
    .poll(() => tableRows(page, tableName))
    .toEqual(expected.perClass.map((row, c) => [SHOWN_NAMES[CLASSES[c]!] ?? CLASSES[c], String(row.positivesA), String(row.positivesB), String(row.both), row.jaccard]));
  await expect(page.getByRole('status', { name: 'Mean Jaccard' })).toContainText(`: ${expected.mean}`);
  await expect(page.getByRole('status', { name: 'Images whose labels change' })).toContainText(`${expected.changed} of ${scoresA.ids.length} images have other ${MODE} labels`);
  await expect(page.getByRole('list', { name: 'Images whose predicted labels differ between A and B' }).getByRole('listitem')).toHaveCount(Math.min(12, expected.changed));
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/compare-unlabelled.png`, fullPage: true });
}

/**
 * A CPU run with a held-out share and patience: it stops by the held-out KL against Y0 (no ground
 * truth), keeps the epoch of the lowest one, and shows the loss, the labels' movement and the held-out
 * curve — no mAP column or chart.
 */
async function trainWithoutTruth(page: Page, lab: WorkspacePage): Promise<void> {
  await lab.show('Training');
  const form = page.getByRole('region', { name: 'Train a classifier' });
  await expect(form.getByRole('note', { name: 'No ground truth' })).toContainText('picks the epoch to keep and stops early');
  await fillTrainingForm(page, { 'Held-out share (%)': '0' });
  await expect(form.getByRole('spinbutton', { name: 'Early stop (patience, label updates)' })).toBeDisabled();
  const settings = { Backend: 'cpu', Epochs: '30', 'Warm-up epochs': '1', 'Update labels every k epochs': '1', 'Batch size': '4', 'Learning rate (Adam)': '0.5' };
  await fillTrainingForm(page, { ...settings, 'Held-out share (%)': '25', 'Early stop (patience, label updates)': '2' });
  await form.getByRole('button', { name: 'Train' }).click();
  await waitForStatus(page, '#1', 'finished');
  await expect(page.getByRole('note', { name: 'No ground truth for #1' })).toContainText('No ground truth: no mAP');
  const rows = await epochRowsByHeader(page, '#1');
  expect(Object.keys(rows[0]!)).toEqual(['epoch', 'loss', 'label update', 'mean |Δy|', 'held-out KL', 'held-out mAP (Y0 ≥ 0.5)', 'kept', 'ms']);
  const epochs = rows.filter((row) => row['epoch'] !== '0');
  for (const row of epochs) expect(Number(row['loss'])).toBeGreaterThan(0);
  // Warm-up 1, then an update every epoch: the labels move from epoch 2 on.
  expect(epochs.map((row) => row['label update'])).toEqual(epochs.map((_, i) => (i === 0 ? 'no' : 'yes')));
  expect(Number(epochs[0]!['mean |Δy|'])).toBe(0);
  for (const row of epochs.slice(1)) expect(Number(row['mean |Δy|'])).toBeGreaterThan(0);
  // Kept: the lowest held-out KL (first on ties); stopped after 2 label updates without a lower one, or at epoch 30.
  const losses = epochs.map((row) => Number(row['held-out KL']));
  const kept = losses.indexOf(Math.min(...losses)) + 1;
  expect(epochs.map((row) => row['kept'])).toEqual(epochs.map((_, i) => (i + 1 === kept ? 'kept' : '')));
  expect(epochs.length === 30 || epochs.length === kept + 2, `${epochs.length} epochs, kept ${kept}`).toBe(true);
  await expect(page.getByLabel('Kept epoch of #1')).toContainText(`Kept: epoch ${kept}, the lowest KL against Y0`);
  const count = epochs.length;
  console.log(`  unlabelled run: ${count} epochs, kept ${kept}, held-out KL ${losses.map((loss) => loss.toFixed(4)).join(' ')}`);
  // Curves: the loss, the labels' movement and the held-out KL (the kept epoch ringed); in place of the mAP charts, the sentence that says why.
  await expect(page.getByRole('figure', { name: /^Training loss/ }).getByRole('img', { name: /^#1, epoch \d+: / })).toHaveCount(count);
  await expect(page.getByRole('figure', { name: /^How much the labels moved/ }).getByRole('img', { name: /^#1, epoch \d+: / })).toHaveCount(count);
  await expect(page.getByRole('figure', { name: /^Held-out KL against Y0/ }).getByRole('img', { name: /^#1, epoch \d+: / })).toHaveCount(count);
  await expect(page.getByRole('figure', { name: /^Held-out KL against Y0/ }).getByLabel(`#1 keeps epoch ${kept}`)).toHaveCount(1);
  await expect(page.getByRole('figure', { name: /mAP/ })).toHaveCount(0);
  await expect(page.getByRole('note', { name: 'No mAP curves' })).toContainText('No ground truth: no mAP');
  await expect(page.getByRole('region', { name: 'Training runs' }).getByRole('columnheader', { name: /mAP/ })).toHaveCount(0);
  if (process.env.E2E_SHOTS) await page.screenshot({ path: join(process.env.E2E_SHOTS, 'unlabelled-training.png'), fullPage: true });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/training-unlabelled.png`, fullPage: true });
}
