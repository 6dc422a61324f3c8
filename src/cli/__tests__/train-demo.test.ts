import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from './run-cli';

const DEMO = 'public/demo/voc-demo';
const root = mkdtempSync(join(tmpdir(), 'cdul-train-'));
const voc = join(root, 'voc');
const cache = join(root, 'cache');

/** A subset of the demo (30 train, 20 val images) so that caching at grid 1 stays fast. */
function writeDemoSubset(): void {
  const ids = (split: string) => readFileSync(join(DEMO, 'ImageSets/Main', `${split}.txt`), 'utf8').split('\n').filter(Boolean);
  const splits = { train: ids('train').slice(0, 30), val: ids('val').slice(0, 20) };
  for (const dir of ['JPEGImages', 'Annotations', 'ImageSets/Main']) mkdirSync(join(voc, dir), { recursive: true });
  for (const [split, list] of Object.entries(splits)) {
    writeFileSync(join(voc, 'ImageSets/Main', `${split}.txt`), `${list.join('\n')}\n`);
    for (const id of list) {
      copyFileSync(join(DEMO, 'JPEGImages', `${id}.jpg`), join(voc, 'JPEGImages', `${id}.jpg`));
      copyFileSync(join(DEMO, 'Annotations', `${id}.xml`), join(voc, 'Annotations', `${id}.xml`));
    }
  }
}

interface Report {
  images: { train: number; val: number | null };
  initialLabels: { mAP: number; clampedMap: number };
  settings: { head: string; epochs: number };
  epochs: { epoch: number; loss: number; labelUpdate: boolean; pseudoLabelMap: number; valMap: number }[];
  stoppedEarly: string | null;
}

const trainArgs = (extra: string[] = []) => [
  'train', '--cache', cache, '--voc', voc, '--train-split', 'train', '--val-split', 'val',
  '--epochs', '6', '--warmup', '2', '--lr', '0.05', '--batch', '8', '--seed', '3', ...extra,
];

async function train(extra: string[] = []): Promise<{ report: Report; stdout: string }> {
  const run = await runCliInProcess([...trainArgs(extra), '--json']);
  expect(run.code, run.stderr).toBe(0);
  return { report: JSON.parse(run.stdout) as Report, stdout: run.stdout };
}

describe('cdul train on a demo subset cached by cdul cache (demo-clip, grid 1)', () => {
  beforeAll(async () => {
    writeDemoSubset();
    // No --split: one cache holds both splits, and --cache serves the val split too.
    const run = await runCliInProcess(['cache', '--voc', voc, '--model', 'models/demo-clip', '--grid', '1', '--out', cache]);
    expect(run.code, run.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('prints per-epoch figures as JSON; the loss falls; label updates start after the warm-up', async () => {
    const { report } = await train(['--head', 'mlp', '--hidden', '16']);
    expect(report.images).toEqual({ train: 30, val: 20 });
    expect(report.settings).toMatchObject({ head: 'mlp', epochs: 6 });
    expect(report.epochs.map((figure) => figure.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.epochs.map((figure) => figure.labelUpdate)).toEqual([false, false, true, true, true, true]);
    expect(report.epochs[5]!.loss).toBeLessThan(report.epochs[0]!.loss);
    for (const figure of report.epochs) {
      expect(figure.pseudoLabelMap).toBeGreaterThan(0);
      expect(figure.valMap).toBeGreaterThan(0);
    }
    // Warm-up epochs leave the labels as they started.
    expect(report.epochs[0]!.pseudoLabelMap).toBe(report.initialLabels.clampedMap);
    // …and they start as Y0: z0 = logit(Y0) in float64 keeps Y0's ranking (issue 14, item 2).
    expect(report.initialLabels.clampedMap).toBe(report.initialLabels.mAP);
    expect(report.stoppedEarly).toBeNull();
  });

  it('--schedule picks the update epochs: lab counts k from the warm-up, reference from epoch 0', async () => {
    // Warm-up 2, k 3, 6 epochs: lab (e − 2) mod 3 = 0 → 5; reference e mod 3 = 0 and e > 2 → 3, 6.
    const k3 = async (schedule: string) =>
      (await train(['--update-every', '3', '--schedule', schedule])).report.epochs.flatMap((figure) => (figure.labelUpdate ? [figure.epoch] : []));
    expect(await k3('lab')).toEqual([5]);
    expect(await k3('reference')).toEqual([3, 6]);
    const run = await runCliInProcess(trainArgs(['--update-every', '3', '--schedule', 'reference']));
    expect(run.stdout).toMatch(/update every 3 \(reference schedule\)/);
  });

  it('same seed → the same output; another seed → another run', async () => {
    const first = await train();
    expect((await train()).stdout).toBe(first.stdout);
    expect((await train(['--seed', '4'])).stdout).not.toBe(first.stdout);
  });

  it('prints a readable table without --json', async () => {
    const run = await runCliInProcess(trainArgs());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/epoch\s+loss\s+label update\s+pseudo-label mAP\s+val mAP\s+held-out KL\s+held-out mAP/);
    const lines = run.stdout.trim().split('\n');
    expect(lines.find((line) => line.startsWith('6 '))).toMatch(/^6\s+\d\.\d{6}\s+yes\s+\d+\.\d\d\s+\d+\.\d\d\s+\d\.\d{6}\s+(\d+\.\d\d|—)(\s+kept)?$/);
    expect(lines.at(-1)).toMatch(/^kept epoch \d: the lowest KL against Y0 on the \d+ held-out train images/);
  });

  it('names the flag or the file on bad input', async () => {
    const bad = async (args: string[], code: number, message: RegExp) => {
      const run = await runCliInProcess(args);
      expect(run.code).toBe(code);
      expect(run.stderr).toMatch(message);
    };
    await bad(trainArgs(['--head', 'cnn']), 2, /--head must be one of linear, mlp/);
    await bad(trainArgs(['--sigma', '0']), 2, /--sigma must be between/);
    await bad(trainArgs(['--batch', '2.5']), 2, /--batch expects a whole number/);
    await bad(trainArgs(['--schedule', 'paper']), 2, /--schedule must be one of lab, reference; got 'paper'/);
    await bad(['train', '--voc', voc, '--train-split', 'train'], 2, /missing --cache/);
    await bad(trainArgs(['--val-cache', join(root, 'nowhere')]), 1, /nowhere\/manifest\.json/);
    await bad(trainArgs(['--train-split', 'trainval']), 1, /trainval\.txt/);
  });
});
