import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCocoCopy, writeFolderCopy, writeNusWideCopy } from '../../../scripts/dataset-fixtures/voc-layouts';
import { VOC_MINI, runCliInProcess } from './run-cli';

/**
 * voc-mini in COCO, NUS-WIDE and plain-folder layouts through the CLI: the same summary keys for
 * every format, and `cdul cache` + `cdul evaluate` on the COCO and NUS-WIDE copies give the VOC
 * copy's mAP (difficult counted positive, as those layouts have no difficult objects).
 */
const root = mkdtempSync(join(tmpdir(), 'cdul-cli-layouts-'));
const at = (name: string) => join(root, name);

async function cdul(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCliInProcess(args);
}

async function mapOf(dataset: string, extra: string[], cache: string): Promise<number> {
  const cached = await cdul(['cache', '--dataset', dataset, ...extra, '--model', 'models/tiny-vit', '--grid', '2', '--out', cache]);
  expect(cached.code, cached.stderr).toBe(0);
  const evaluated = await cdul(['evaluate', '--dataset', dataset, ...extra, '--source', 'cache', '--cache', cache, '--mode', 'final', '--thresh', '0.1', '--json']);
  expect(evaluated.code, evaluated.stderr).toBe(0);
  return (JSON.parse(evaluated.stdout) as { mAP: number }).mAP;
}

describe('cdul on every layout (voc-mini rewritten)', () => {
  beforeAll(async () => {
    await writeCocoCopy(VOC_MINI, at('coco'));
    await writeNusWideCopy(VOC_MINI, at('nus'));
    await writeFolderCopy(VOC_MINI, at('folder'));
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('dataset --json: the detected format, the same keys for every layout, unlabelled for a folder', async () => {
    const reports: Record<string, Record<string, unknown>> = {};
    for (const [name, dir] of [['voc', VOC_MINI], ['coco', at('coco')], ['nus-wide', at('nus')], ['folder', at('folder')]] as const) {
      const run = await cdul(['dataset', '--dataset', dir, '--json']);
      expect(run.code, run.stderr).toBe(0);
      reports[name] = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(reports[name]!.format).toBe(name);
    }
    const keys = Object.keys(reports.voc!).sort();
    for (const report of Object.values(reports)) expect(Object.keys(report).sort()).toEqual(keys);
    expect(reports.coco).toMatchObject({ images: 100, split: 'val2017', unlabelled: false, positivesPerClass: reports.voc!.positivesPerClass === null ? null : expect.any(Object) });
    // The VOC labels with difficult counted positive, class for class (COCO names the classes naturally).
    expect(Object.values(reports.coco!.positivesPerClass as Record<string, number>)).toEqual(Object.values(reports.voc!.positivesPerClass as Record<string, number>));
    expect(Object.values(reports['nus-wide']!.positivesPerClass as Record<string, number>)).toEqual(Object.values(reports.voc!.positivesPerClass as Record<string, number>));
    expect(reports.folder).toMatchObject({ images: 100, unlabelled: true, positivesPerClass: null, multiLabelImages: null, classes: ['person', 'dog', 'cat', 'car', 'diningtable'], promptNames: ['person', 'dog', 'cat', 'car', 'dining table'] });
  });

  it('cache + evaluate: the COCO and NUS-WIDE copies give the VOC copy\'s mAP', async () => {
    const voc = await mapOf(VOC_MINI, [], at('cache-voc'));
    expect(await mapOf(at('coco'), [], at('cache-coco'))).toBe(voc);
    expect(await mapOf(at('nus'), ['--split', 'train'], at('cache-nus'))).toBe(voc);
  }, 300_000);

  it('a folder without ground truth caches, and evaluate says there is no mAP', async () => {
    const classes = at('classes.txt');
    writeFileSync(classes, 'person\ndog\n');
    const cached = await cdul(['cache', '--dataset', at('folder'), '--classes', classes, '--model', 'models/tiny-vit', '--grid', '1', '--out', at('cache-folder')]);
    expect(cached.code, cached.stderr).toBe(0);
    const evaluated = await cdul(['evaluate', '--dataset', at('folder'), '--source', 'cache', '--cache', at('cache-folder'), '--mode', 'global']);
    expect(evaluated.code).toBe(1);
    expect(evaluated.stderr).toMatch(/has no ground truth \(a plain folder with a class list\): there is no mAP to compute/);
    // Training needs no ground truth and no split: it reports the loss and label moves, no mAP.
    const trained = await cdul(['train', '--cache', at('cache-folder'), '--dataset', at('folder'), '--classes', classes, '--epochs', '2', '--warmup', '1', '--json']);
    expect(trained.code, trained.stderr).toBe(0);
    const report = JSON.parse(trained.stdout) as { trainSplit: string | null; images: { train: number }; epochs: { loss: number; pseudoLabelMap: number | null; valMap: number | null }[] };
    expect(report.trainSplit).toBeNull();
    expect(report.images.train).toBe(100);
    expect(report.epochs).toHaveLength(2);
    for (const epoch of report.epochs) expect([Number.isFinite(epoch.loss), epoch.pseudoLabelMap, epoch.valMap]).toEqual([true, null, null]);
  }, 120_000);
});
