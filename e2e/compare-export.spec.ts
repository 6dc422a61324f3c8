import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { evaluateMeanAp } from '../src/core/metrics/mean-ap';
import { createMatrix, type LabelMatrix, type LabelValue } from '../src/core/types';
import { MODES, WorkspacePage, type ModeMaps as Modes } from './support/workspace-page';
const SHOTS = process.env.CDUL_SCREENSHOTS; // a folder: also save screenshots of the view there

/**
 * The workspace results panel's mAPs at a setting (two decimals, as shown): the worker's 'summary'
 * answer to this ζ and temperature, and the panel showing exactly those numbers.
 */
async function workspaceMaps(page: Page, zeta: number, temperature?: 'model' | 'paper' | 'reference'): Promise<Modes> {
  await new WorkspacePage(page).show('Workspace');
  if (temperature) await page.getByLabel('Temperature').selectOption(temperature);
  await page.getByLabel(/Threshold ζ/).fill(String(zeta));
  await expect(page.getByText(`Threshold ζ = ${zeta.toFixed(2)}`)).toBeVisible();
  const shown = (await page.getByLabel('Temperature').inputValue()) as 'model' | 'paper' | 'reference';
  const scale = { model: null, paper: 100, reference: 1 / Math.log(100) }[shown];
  let maps: Modes | null = null;
  await expect
    .poll(async () => {
      maps = await page.evaluate(
        ([z, s]) => {
          type Summary = { kind: string; settings: { zeta: number; scale: number | null }; mAP: Record<string, number> };
          const messages = (globalThis as unknown as { cdulE2e: { messages: { type: string; result?: Summary }[] } }).cdulE2e.messages;
          // An answer given before (react-query keeps it) is not asked again: the latest answer to this setting.
          const last = messages
            .filter((m) => m.type === 'query-result' && m.result?.kind === 'summary')
            .map((m) => m.result!)
            .filter((r) => r.settings.zeta === z && r.settings.scale === s)
            .at(-1);
          if (!last) return null;
          return { global: last.mAP.global!.toFixed(2), aggregate: last.mAP.aggregate!.toFixed(2), final: last.mAP.final!.toFixed(2) };
        },
        [zeta, scale] as const,
      );
      return maps !== null;
    })
    .toBe(true);
  const table = page.getByRole('table', { name: 'mAP of the pseudo labels' });
  for (const mode of MODES) await expect(table.getByRole('row', { name: mode }).getByRole('cell')).toHaveText(maps![mode]);
  return maps!;
}

async function compareRow(table: Locator, mode: string): Promise<string[]> {
  return table.getByRole('row', { name: mode }).getByRole('cell').allTextContents();
}

async function savedText(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8');
}

test('compare ζ 0.1 with ζ 0.5, the temperature collapse, and exports that match the lab’s numbers', async ({ page }) => {
  test.setTimeout(300_000);
  const lab = await new WorkspacePage(page).open('?e2e');
  // Before a run, Compare shows the designed empty state with the way to the workspace.
  await lab.show('Compare');
  await expect(page.getByRole('region', { name: 'Compare: no results yet' })).toContainText('There are no pseudo labels yet.');
  await page.getByRole('button', { name: 'Go to the workspace and compute them' }).click();
  await lab.computeRun({ backend: 'wasm', images: 50 }, 'Done: 50 images');

  const at01 = await workspaceMaps(page, 0.1);
  const at05 = await workspaceMaps(page, 0.5);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/workspace-export-1280.png`, fullPage: true });

  // Compare: A ζ 0.1 against B ζ 0.5; every number named with its AP convention and difficult handling.
  await lab.show('Compare');
  const sideA = page.getByRole('group', { name: 'Setting A' });
  const sideB = page.getByRole('group', { name: 'Setting B' });
  await sideA.getByLabel(/Threshold ζ/).fill('0.1');
  await sideB.getByLabel(/Threshold ζ/).fill('0.5');
  await expect(sideB.getByText('Threshold ζ = 0.50')).toBeVisible();
  const mapTable = page.getByRole('table', { name: 'mAP of A and B' });
  // The headers name what differs (issue 15 item 8); the unit is the table's caption while A and B share it.
  await expect(mapTable.getByRole('columnheader', { name: 'A: ζ 0.10', exact: true })).toBeVisible();
  await expect(mapTable.locator('caption')).toHaveText('mAP % (step-wise, difficult as positive)');
  for (const mode of MODES) {
    await expect.poll(() => compareRow(mapTable, mode)).toEqual([at01[mode], at05[mode], expect.any(String)]);
    const [, , delta] = await compareRow(mapTable, mode);
    const shown = Number(delta!.replace('−', '-').replace('±', ''));
    expect(Math.abs(shown - (Number(at05[mode]) - Number(at01[mode])))).toBeLessThanOrEqual(0.011);
  }
  expect((await compareRow(mapTable, 'global'))[2]).toBe('±0.00'); // global does not depend on ζ

  // The AP convention and difficult handling are selectable and named on the numbers.
  await sideA.getByLabel('AP convention').selectOption('voc07');
  await sideA.getByLabel('Difficult objects').selectOption('ignore');
  await expect(mapTable.getByRole('columnheader', { name: 'A: ζ 0.10, AP VOC07 11-point, difficult ignored' })).toBeVisible();
  await expect(page.getByText('different AP conventions')).toBeVisible();
  await sideA.getByLabel('AP convention').selectOption('step');
  await sideA.getByLabel('Difficult objects').selectOption('positive');
  await expect.poll(() => compareRow(mapTable, 'final')).toEqual([at01.final, at05.final, expect.any(String)]);

  // The chart: three curves, A and B marked by labelled lines at their ζ.
  const chart = page.getByRole('figure', { name: /^mAP versus ζ/ });
  await expect(chart.getByRole('img', { name: /^Curve: / })).toHaveCount(3);
  await expect(chart.getByRole('img', { name: /^Marker: [AB] at ζ/ })).toHaveCount(2);
  // (A vertical line has no area: Playwright calls it hidden, so it is counted, not seen.)
  await expect(chart.getByRole('img', { name: 'Marker: A at ζ = 0.10' })).toHaveCount(1);
  await expect(chart.getByRole('img', { name: 'Marker: B at ζ = 0.50' })).toHaveCount(1);
  // A dot on each curve at A's and at B's ζ, at the mAPs the table shows.
  await expect(chart.getByRole('img', { name: /^Marker: [AB]'s \w+ mAP at ζ/ })).toHaveCount(6);
  await expect(chart.getByRole('img', { name: `Marker: A's final mAP at ζ = 0.10: ${at01.final}` })).toBeVisible();
  await expect(chart.getByRole('img', { name: `Marker: B's final mAP at ζ = 0.50: ${at05.final}` })).toBeVisible();
  const svgDownload = page.waitForEvent('download');
  await chart.getByRole('button', { name: /as SVG/ }).click();
  const svg = await savedText(await svgDownload);
  expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain('>final</text>'); // the legend is drawn into the file
  const pngDownload = page.waitForEvent('download');
  await chart.getByRole('button', { name: /as PNG/ }).click();
  const pngFile = await pngDownload;
  expect(pngFile.suggestedFilename()).toBe('cdul-voc-demo-val-first50-demo-clip-grid3-zeta-chart-zeta0.10-lambda0.00-step.png');
  const png = readFileSync((await pngFile.path())!);
  if (SHOTS) await pngFile.saveAs(`${SHOTS}/exported-zeta-chart.png`);
  expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);

  // On the demo no final label moves between ζ 0.1 and 0.5 (every α is above 0.5 or below 0.1): the list says so.
  await expect(page.getByRole('region', { name: 'Labels changed most (final)' })).toContainText('No image’s labels differ between A and B in this mode.');

  // PR curves: six curves (3 modes × A/B) for the chosen class.
  await page.getByRole('combobox', { name: 'Class', exact: true }).selectOption('dog');
  const pr = page.getByRole('figure', { name: /Precision–recall of “dog”/ });
  await expect(pr.getByRole('img', { name: /^Curve: \w+ \([AB]\)$/ })).toHaveCount(6);

  // Export A's final pseudo labels as CSV; its scores are the worker's, and they give the panel's mAP.
  const exportSection = page.getByRole('region', { name: 'Export' });
  await exportSection.getByLabel('Setting to export').selectOption({ index: 0 });
  await exportSection.getByLabel('Pseudo labels to export').selectOption('final');
  const csvDownload = page.waitForEvent('download');
  await exportSection.getByRole('button', { name: 'Pseudo labels CSV' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toBe('cdul-voc-demo-val-first50-demo-clip-grid3-final-zeta0.10-lambda0.00-step.csv');
  const csv = (await savedText(csvFile)).trimEnd().split('\n').map((line) => line.split(','));
  const worker = await page.evaluate(() => {
    const messages = (globalThis as unknown as { cdulE2e: { messages: { type: string; result?: { kind: string } }[] } }).cdulE2e.messages;
    const result = messages.filter((m) => m.type === 'query-result' && m.result?.kind === 'scores').at(-1)!.result as unknown as {
      ids: string[];
      classes: string[];
      scores: { final: Float32Array };
      truth: Int8Array;
    };
    return { ids: result.ids, classes: result.classes, final: Array.from(result.scores.final), truth: Array.from(result.truth) };
  });
  const classes = worker.classes.length;
  expect(csv[0]).toEqual(['image_id', ...worker.classes]);
  expect(csv).toHaveLength(51);
  for (const row of [0, 7, 49]) {
    expect(csv[row + 1]![0]).toBe(worker.ids[row]);
    expect(csv[row + 1]!.slice(1)).toEqual(worker.final.slice(row * classes, (row + 1) * classes).map((score) => score.toFixed(6)));
  }
  const scores = createMatrix(50, classes, new Float32Array(csv.slice(1).flatMap((row) => row.slice(1).map(Number))));
  const truth: LabelMatrix = { rows: 50, cols: classes, data: Int8Array.from(worker.truth as LabelValue[]) };
  const csvMap = evaluateMeanAp(scores, truth, { convention: 'step', difficult: 'positive' }, worker.classes).mAP;
  expect(Math.abs(csvMap - Number(at01.final))).toBeLessThanOrEqual(0.006);

  // The evaluation report of A: settings, run key and the mAPs shown above.
  const reportDownload = page.waitForEvent('download');
  await exportSection.getByRole('button', { name: 'Evaluation report JSON' }).click();
  const reportFile = await reportDownload;
  expect(reportFile.suggestedFilename()).toBe('cdul-voc-demo-val-first50-demo-clip-grid3-report-zeta0.10-lambda0.00-step.json');
  const report = JSON.parse(await savedText(reportFile));
  expect(report.settings).toMatchObject({ zeta: 0.1, lambda: 0, scale: null, apConvention: 'step', difficult: 'positive' });
  expect(report.runKey).toMatch(/\S/);
  expect(report.model).toBe('demo-clip');
  for (const mode of MODES) expect(report.modes[mode].mAP.toFixed(2)).toBe(at01[mode]);
  expect(Object.keys(report.modes.final.ap)).toEqual(worker.classes);

  // VOC files: one zip, one <class>_val.txt per class, "<id> <score>" lines equal to the CSV's column.
  const vocDownload = page.waitForEvent('download');
  await exportSection.getByRole('button', { name: /VOC/ }).click();
  const vocFile = await vocDownload;
  expect(vocFile.suggestedFilename()).toBe('cdul-voc-demo-val-first50-demo-clip-grid3-final-zeta0.10-lambda0.00-step-voc.zip');
  const files = unzipSync(readFileSync((await vocFile.path())!));
  expect(Object.keys(files)).toHaveLength(classes);
  const catColumn = worker.classes.indexOf('cat');
  const catLines = strFromU8(files['cat_val.txt']!).trimEnd().split('\n');
  expect(catLines).toHaveLength(50);
  expect(catLines[3]).toBe(`${csv[4]![0]} ${csv[4]![catColumn + 1]}`);

  if (SHOTS) {
    for (const [width, height] of [[1280, 800], [1920, 1080]] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${SHOTS}/compare-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // One click: the paper's scale (A) against the reference reproduction's (B), at the workspace's ζ 0.5.
  await page.getByRole('button', { name: 'Paper vs reference temperature' }).click();
  await expect(sideB.getByLabel('Temperature')).toHaveValue('reference');
  await expect(sideA.getByLabel('Temperature')).toHaveValue('paper');
  const collapse = page.getByRole('status', { name: 'Temperature collapse' });
  await expect(collapse).toContainText('≈ 0.217');
  await expect(collapse).toContainText(/for every ζ ≥ 0\.\d\d — exactly its value at ζ = 1/);
  const collapsedFrom = Number(/for every ζ ≥ (0\.\d\d)/.exec((await collapse.textContent())!)![1]);
  expect(collapsedFrom).toBeLessThanOrEqual(0.1);
  await expect.poll(async () => (await compareRow(mapTable, 'aggregate'))[1]).toMatch(/^\d+\.\d\d$/);
  const referenceAggregate = (await compareRow(mapTable, 'aggregate'))[1]!;
  await expect(collapse).toContainText(`mAP is ${referenceAggregate} for every ζ`);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/compare-collapse-1280.png`, fullPage: true });

  // The worker's own numbers, through the workspace: at the reference scale the aggregate at ζ 0.1 and
  // ζ 0.5 equals the aggregate at ζ = 1 (β); at the paper's scale it does not.
  const beta = await workspaceMaps(page, 1, 'reference');
  expect((await workspaceMaps(page, 0.1)).aggregate).toBe(beta.aggregate);
  expect((await workspaceMaps(page, 0.5)).aggregate).toBe(beta.aggregate);
  expect(referenceAggregate).toBe(beta.aggregate);
  expect(at01.aggregate === beta.aggregate && at05.aggregate === beta.aggregate).toBe(false);

  // Back in Compare (paper vs reference still set), the images whose aggregate moved most; one opens in the inspector.
  await lab.show('Compare');
  const changed = page.getByRole('list', { name: 'Images whose labels changed most' });
  await expect(page.getByRole('heading', { name: 'Labels changed most (aggregate)' })).toBeVisible();
  await expect(changed.getByRole('listitem')).toHaveCount(12);
  const first = changed.getByRole('button').first();
  const firstId = (await first.textContent())!;
  expect(worker.ids).toContain(firstId);
  await first.click();
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Image' })).toHaveAttribute('aria-current', 'page');
});
