import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REFERENCE_REPRODUCTION_SCALE } from '../src/core/cdul/temperature';
import { scoresAnswer, sentQueries, withPlainFolderRun, type PlainScores } from './support/unlabelled-page';

/**
 * A plain folder of photos with a 5-class classes.txt (no ground truth): the gallery shows each image's
 * predicted labels with their scores and sorts by confidence, label count and margin; the inspector says
 * "no ground truth" once and shows what is predicted; the workspace counts labels instead of mAP; the
 * pseudo-label CSV is the worker's scores. Every expectation is recomputed here from the 'scores' answer.
 */
const CLASSES = ['person', 'dog', 'cat', 'car', 'diningtable'];
const NAMES: Record<string, string> = { diningtable: 'dining table' };
const IMAGES = 8;
/**
 * At the reference reproduction's temperature the 5 class scores sit near 1/5, so at a cut of 0.2 images
 * get from none to several labels (at the model's own, each image has one label near 1 and the label
 * count would order nothing).
 */
const CUT = 0.2;
/** The workspace's default ζ: with the temperature, the setting the gallery's 'scores' answer is for. */
const ZETA = 0.1;

const final = (scores: PlainScores, image: number) => scores.scores.final.slice(image * CLASSES.length, (image + 1) * CLASSES.length);
const labelsOf = (scores: PlainScores, image: number) =>
  final(scores, image)
    .map((score, c) => ({ c, score }))
    .filter((label) => label.score >= CUT)
    .sort((a, b) => b.score - a.score || a.c - b.c);

/** A tile's accessible name: the first three predicted labels, best first, and how many more. */
function tileName(scores: PlainScores, image: number): string {
  const labels = labelsOf(scores, image);
  const shown = labels.slice(0, 3).map(({ c, score }) => `${NAMES[CLASSES[c]!] ?? CLASSES[c]} ${score.toFixed(2)}`);
  const more = labels.length > 3 ? `; ${labels.length - 3} more` : '';
  return `${scores.ids[image]}: ${shown.length ? shown.join('; ') : 'no label predicted'}${more}`;
}

/** The images in descending order of `key` (ties in split order), by brute force. */
const orderBy = (key: (image: number) => number) =>
  Array.from({ length: IMAGES }, (_, image) => image)
    .map((image) => ({ image, key: key(image) }))
    .sort((a, b) => b.key - a.key || a.image - b.image)
    .map((entry) => entry.image);

async function expectTiles(page: Page, scores: PlainScores, order: readonly number[]): Promise<void> {
  const cells = page.getByRole('grid', { name: 'Gallery' }).getByRole('gridcell');
  await expect(cells).toHaveCount(IMAGES);
  for (const [position, image] of order.entries()) await expect(cells.nth(position)).toHaveAccessibleName(tileName(scores, image));
}

test('a plain folder without ground truth: gallery sorts, inspector, label counts and CSV export', async ({ page }) => {
  test.setTimeout(300_000);
  await withPlainFolderRun(page, { classes: CLASSES, grid: 1, images: IMAGES }, async (lab) => {
    await page.getByLabel('Temperature').selectOption('reference');

    await lab.show('Gallery');
    await page.getByLabel('Label cut').fill(String(CUT));
    await expect(page.getByText(`Label cut = ${CUT.toFixed(2)}`)).toBeVisible();
    const scores = await scoresAnswer(page, ZETA, REFERENCE_REPRODUCTION_SCALE.scale);
    expect(scores.truth).toBeNull();
    expect(scores.classes).toEqual(CLASSES);
    await expect(page.getByLabel('How labels are marked')).toContainText('This dataset has no ground truth');

    // Only what needs no ground truth is offered.
    await expect(page.getByLabel('Sort', { exact: true }).getByRole('option')).toHaveText([
      'split order',
      'by confidence (highest score first)',
      'by label count (most labels first)',
      'by margin (scores nearest the cut first)',
      'largest aggregate − global gap first',
    ]);
    await expect(page.getByLabel('Show', { exact: true }).getByRole('option')).toHaveText(['every image', 'aggregate disagrees with global']);

    await expectTiles(page, scores, orderBy(() => 0));
    await page.getByLabel('Sort', { exact: true }).selectOption({ label: 'by confidence (highest score first)' });
    await expectTiles(page, scores, orderBy((image) => Math.max(...final(scores, image))));
    await page.getByLabel('Sort', { exact: true }).selectOption({ label: 'by label count (most labels first)' });
    await expectTiles(page, scores, orderBy((image) => labelsOf(scores, image).length));
    await page.getByLabel('Sort', { exact: true }).selectOption({ label: 'by margin (scores nearest the cut first)' });
    const byMargin = orderBy((image) => -Math.min(...final(scores, image).map((score) => Math.abs(score - CUT))));
    await expectTiles(page, scores, byMargin);
    // The orders differ from the split order and from each other here, so each check above can fail.
    const orders = [orderBy(() => 0), orderBy((image) => Math.max(...final(scores, image))), orderBy((image) => labelsOf(scores, image).length), byMargin];
    expect(new Set(orders.map((order) => order.join())).size).toBe(4);
    if (process.env.E2E_SHOTS) await page.screenshot({ path: join(process.env.E2E_SHOTS, 'unlabelled-gallery.png'), fullPage: true });

    // The least certain image in the inspector: no truth column, "no ground truth" said once, what is predicted.
    await page.getByRole('grid', { name: 'Gallery' }).getByRole('gridcell').first().click();
    const bars = page.getByRole('table', { name: 'Scores per class' });
    await expect(page.getByRole('heading', { level: 2, name: scores.ids[byMargin[0]!] })).toBeVisible();
    await expect(bars.getByRole('columnheader', { name: 'predicted', exact: true })).toBeVisible();
    await expect(bars.getByRole('columnheader', { name: 'truth', exact: true })).toHaveCount(0);
    await expect(page.getByText(/This dataset has no ground truth/)).toHaveCount(1);
    await expect(bars.getByRole('cell', { name: 'yes', exact: true })).toHaveCount(labelsOf(scores, byMargin[0]!).length);
    await expect(bars.getByRole('cell', { name: 'no', exact: true })).toHaveCount(CLASSES.length - labelsOf(scores, byMargin[0]!).length);
    if (process.env.E2E_SHOTS) await page.screenshot({ path: join(process.env.E2E_SHOTS, 'unlabelled-inspector.png'), fullPage: true });

    // The workspace counts labels at the gallery's cut in place of the mAP table; no AP settings, no report.
    await lab.show('Workspace');
    await expect(lab.mapTable).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'AP', exact: true })).toHaveCount(0);
    const counts = page.getByRole('table', { name: 'Pseudo labels at the label cut' });
    const perImage = Array.from({ length: IMAGES }, (_, image) => labelsOf(scores, image).length);
    const mean = (perImage.reduce((sum, n) => sum + n, 0) / IMAGES).toFixed(2);
    const none = perImage.filter((n) => n === 0).length;
    await expect(counts.getByRole('row', { name: /^final/ }).getByRole('cell')).toHaveText([mean, `${none} of ${IMAGES}`]);
    if (process.env.E2E_SHOTS) await page.screenshot({ path: join(process.env.E2E_SHOTS, 'unlabelled-workspace.png'), fullPage: true });

    const exportSection = page.getByRole('region', { name: 'Export' });
    await expect(exportSection.getByRole('button', { name: 'Evaluation report JSON' })).toHaveCount(0);
    await expect(exportSection).toContainText('no evaluation report: this dataset has no ground truth');
    const download = page.waitForEvent('download');
    await exportSection.getByRole('button', { name: 'Pseudo labels CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    const expected = [`image_id,${CLASSES.join(',')}`, ...scores.ids.map((id, image) => [id, ...final(scores, image).map((score) => score.toFixed(6))].join(','))];
    expect(csv).toBe(`${expected.join('\n')}\n`);

    // Not one question that needs ground truth was asked, and none failed.
    const kinds = new Set((await sentQueries(page)).map((sent) => sent.query.kind));
    for (const kind of ['evaluation', 'pr-curves', 'zeta-sweep']) expect(kinds.has(kind), kind).toBe(false);
    const errors = await page.evaluate(() => (globalThis as unknown as { cdulE2e: { messages: { type: string }[] } }).cdulE2e.messages.filter((m) => m.type === 'query-error'));
    expect(errors).toEqual([]);
  });
});
