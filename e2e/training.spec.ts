import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import * as ort from 'onnxruntime-node';
import { headForward, type HeadShape } from '../src/core/training/head';
import { l2NormalizeRows } from '../src/core/training/normalize-features';
import { createMatrix } from '../src/core/types';
import { randomFloat32 } from '../src/gpu/kernels/reference/random';
import { computeSplit, epochRows, fillTrainingForm, openTraining, waitForStatus, type EpochRow } from './support/training-page';

/**
 * Issue 6's journey in headless Chromium: demo-clip embeddings of the demo's first 50 train and 50 val
 * images (2×2 grid, computed on WebAssembly — fast there), then a head trained with gradient alignment
 * on the WebGPU adapter (SwiftShader here) by our WGSL kernels, the same run on the CPU path, a run
 * without label updates overlaid, and the runs kept over a reload.
 */
async function train(page: Page, name: string, backend: 'webgpu' | 'cpu', eta: string): Promise<EpochRow[]> {
  await fillTrainingForm(page, { Backend: backend, 'η (label step)': eta });
  await page.getByRole('region', { name: 'Train a classifier' }).getByRole('button', { name: 'Train' }).click();
  await waitForStatus(page, name, 'finished');
  return epochRows(page, name);
}

test('train a head on the GPU: loss falls, label updates move the labels, GPU = CPU, runs overlaid and kept', async ({ page }) => {
  test.setTimeout(420_000);
  await page.goto('/?e2e');
  await computeSplit(page, 'val');
  await computeSplit(page, 'train');
  await openTraining(page);
  await fillTrainingForm(page, { Epochs: '5', 'Warm-up epochs': '1', 'Update labels every k epochs': '2', 'Batch size': '16', 'σ of ψ': '0.3' });
  // The val split computed first is offered before any training.
  await expect(page.getByLabel('Val split').getByRole('option', { name: 'val', exact: true })).toBeAttached();

  const gpu = await train(page, '#1', 'webgpu', '1');
  const progress = page.getByRole('status', { name: 'training progress' });
  await expect(progress).toContainText('Epoch 5 of 5 · WebGPU (');
  console.log(`  ${await progress.textContent()}`);
  expect(gpu.map((row) => row.epoch)).toEqual([1, 2, 3, 4, 5]);
  // Loss falls over the θ-steps before the first label update (epochs 1 → 2, labels fixed).
  expect(gpu[1]!.loss).toBeLessThan(gpu[0]!.loss);
  // Updates at epochs 3 and 5 (warm-up 1, every 2) move the labels; the other epochs leave them.
  expect(gpu.map((row) => row.update)).toEqual([false, false, true, false, true]);
  for (const row of gpu) (row.update ? expect(row.change).toBeGreaterThan(0) : expect(row.change).toBe(0));
  // A val split was found (the 50 val images computed first): val mAP is a number.
  for (const row of gpu) expect(row.val).toBeGreaterThan(0);

  // The figures as a file: Y0 and the five epochs, the numbers the table shows.
  const figuresDownload = page.waitForEvent('download');
  await page.getByRole('group', { name: 'downloads of #1' }).getByRole('button', { name: 'Figures CSV' }).click();
  const figuresFile = await figuresDownload;
  expect(figuresFile.suggestedFilename()).toBe('cdul-voc-demo-train-first50-demo-clip-grid2-training-run1-linear.csv');
  const csvRows = readFileSync((await figuresFile.path())!, 'utf8').trim().split('\n').slice(2).map((line) => line.split(','));
  expect(csvRows.map((cells) => Number(Number(cells[1]).toFixed(6)))).toEqual(gpu.map((row) => row.loss));
  expect(csvRows.map((cells) => Number(cells[4]).toFixed(2))).toEqual(gpu.map((row) => row.pseudo.toFixed(2)));

  const cpu = await train(page, '#2', 'cpu', '1');
  await expect(progress).toContainText('Epoch 5 of 5 · CPU');
  gpu.forEach((row, i) => {
    const other = cpu[i]!;
    // The table shows 6 decimals of the loss: float32 GPU sums vs float64 CPU sums agree to ~1e-6.
    expect(Math.abs(row.loss - other.loss), `epoch ${row.epoch} loss`).toBeLessThanOrEqual(2e-6 + 1e-4 * other.loss);
    expect(Math.abs(row.change - other.change), `epoch ${row.epoch} Δy`).toBeLessThanOrEqual(2e-4);
    expect(Math.abs(row.pseudo - other.pseudo), `epoch ${row.epoch} pseudo-label mAP`).toBeLessThan(1);
    expect(Math.abs(row.val - other.val), `epoch ${row.epoch} val mAP`).toBeLessThan(1);
  });

  // A baseline without label updates, overlaid with the first run (every new run joins the charts;
  // the CPU twin of #1 is taken out): two lines in each chart.
  const frozen = await train(page, '#3', 'webgpu', '0');
  for (const row of frozen) expect(row.change).toBe(0);
  await expect(page.getByRole('checkbox', { name: 'show #1 in the charts' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'show #2 in the charts' }).uncheck();
  for (const title of ['Training loss', 'Pseudo-label mAP', 'Val mAP']) {
    const chart = page.getByRole('figure', { name: new RegExp(`^${title}`) });
    await expect(chart.getByRole('img', { name: /^Curve: #1: linear/ })).toHaveCount(1);
    await expect(chart.getByRole('img', { name: /^Curve: #3: linear/ })).toHaveCount(1);
    // A dot per epoch on each line, up to epoch 5 (the pseudo-label curve also has epoch 0: Y0).
    const dots = title === 'Pseudo-label mAP' ? 6 : 5;
    for (const run of ['#1', '#3']) {
      await expect(chart.getByRole('img', { name: new RegExp(`^${run}, epoch \\d+: `) })).toHaveCount(dots);
      await expect(chart.getByRole('img', { name: new RegExp(`^${run}, epoch 5: `) })).toHaveCount(1);
    }
  }
  console.log(`  GPU run: ${JSON.stringify(gpu)}`);
  console.log(`  CPU run: ${JSON.stringify(cpu)}`);
  console.log(`  η = 0:  ${JSON.stringify(frozen)}`);

  // Sortable: by best val mAP, descending.
  const runs = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'best val mAP' }) });
  await runs.getByRole('button', { name: 'best val mAP' }).click();
  await expect(runs.getByRole('columnheader', { name: 'best val mAP' })).toHaveAttribute('aria-sort', 'descending');

  // Nothing lost on reload: the three runs and their figures come back.
  await page.reload();
  await openTraining(page);
  await expect(page.getByRole('row', { name: /#3/ })).toBeVisible();
  await page.getByRole('button', { name: 'Curves of #1' }).click();
  expect(await epochRows(page, '#1')).toEqual(gpu);

  await checkOnnxExport(page);
  await checkRefinedLabels(page);
});

/** A run as the training worker stored it in IndexedDB: its record's shape, its checkpoint and its Y0. */
async function storedRun(page: Page, name: string) {
  return page.evaluate(async (name) => {
    const open = (database: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(database);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const read = <T,>(db: IDBDatabase, key?: string) =>
      new Promise<T>((resolve, reject) => {
        const store = db.transaction('keyval').objectStore('keyval');
        const request = key === undefined ? store.getAll() : store.get(key);
        request.onsuccess = () => resolve(request.result as T);
        request.onerror = () => reject(request.error);
      });
    const runs = await read<{ meta: { id: string; name: string; dim: number; classes: string[] } }[]>(await open('cdul-training-runs'));
    const run = runs.find((record) => record.meta.name === name)!;
    const checkpoints = await open('cdul-training-checkpoints');
    const checkpoint = await read<{ params: Float32Array[]; epoch: number; latent: Float32Array }>(checkpoints, run.meta.id);
    const y0 = await read<Float32Array>(checkpoints, `${run.meta.id}:y0`);
    return {
      dim: run.meta.dim,
      classes: run.meta.classes.length,
      epoch: checkpoint.epoch,
      params: checkpoint.params.map((p) => Array.from(p)),
      latent: Array.from(checkpoint.latent),
      y0: Array.from(y0),
    };
  }, name);
}

/** The head of #1 as downloaded: onnxruntime gives the stored head's predictions within 1e-5. */
async function checkOnnxExport(page: Page): Promise<void> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'ONNX: export the head of #1' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('cdul-voc-demo-train-first50-demo-clip-grid2-head-run1-linear-epoch5.onnx');
  const stored = await storedRun(page, '#1');
  expect(stored.epoch).toBe(5);
  const shape: HeadShape = { kind: 'linear', inputs: stored.dim, hidden: 1, classes: stored.classes };
  const rows = 7;
  const raw = randomFloat32(11, rows * stored.dim, -3, 3);
  const session = await ort.InferenceSession.create(readFileSync((await file.path())!));
  const output = await session.run({ image_embeds: new ort.Tensor('float32', raw, [rows, stored.dim]) });
  const got = output.probabilities!.data as Float32Array;
  const logits = headForward(shape, stored.params.map((p) => Float32Array.from(p)), l2NormalizeRows(createMatrix(rows, stored.dim, raw)).data, rows).logits;
  const worst = Math.max(...Array.from(logits, (s, k) => Math.abs(got[k]! - 1 / (1 + Math.exp(-s)))));
  console.log(`  ONNX head vs the stored head: max |Δp| ${worst.toExponential(2)} over ${logits.length} predictions`);
  expect(worst).toBeLessThan(1e-5);
}

/** #1's refined labels in the gallery (what training changed), the inspector and the CSV export. */
async function checkRefinedLabels(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Refined labels of #1 in the gallery' }).click();
  await expect(page.getByRole('note', { name: 'Refined labels' })).toContainText('Training run #1, epoch 5');
  await expect(page.getByLabel('Labels', { exact: true })).toHaveValue('refined');
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'where training changed a label' });
  const changed = page.getByRole('gridcell', { name: /(gained|lost) by training/ });
  await expect(changed.first()).toBeVisible();
  const tile = (await changed.first().getAttribute('aria-label'))!;
  console.log(`  a tile training changed: ${tile}`);
  await changed.first().click();
  const table = page.getByRole('table', { name: 'Scores per class' });
  await expect(table.getByRole('columnheader', { name: 'refined (run #1)' })).toBeVisible();
  await expect(table.getByRole('cell', { name: /change by training \(refined − Y0\): [+−]\d\.\d{3}, (gained|lost) by training/ }).first()).toBeVisible();

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Workspace' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Refined labels CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8').trim().split('\n');
  expect(csv[0]).toBe('image_id,class,y0,refined,truth');
  expect(csv).toHaveLength(1 + 50 * 20);
  // Row k (image-major, classes in order) is the checkpoint's y = σ(z_k) and its stored Y0, within the 6 decimals written.
  const stored = await storedRun(page, '#1');
  const rows = csv.slice(1).map((line) => line.split(','));
  rows.forEach(([, , y0, refined], k) => {
    expect(Number(refined)).toBeCloseTo(1 / (1 + Math.exp(-stored.latent[k]!)), 5);
    expect(Number(y0)).toBeCloseTo(stored.y0[k]!, 5);
  });
  // …and training did move some labels.
  expect(rows.filter(([, , y0, refined]) => y0 !== refined).length).toBeGreaterThan(0);
}
