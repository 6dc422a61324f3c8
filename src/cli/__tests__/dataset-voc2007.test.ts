import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageLabels, objectCounts, VOC2007_SPLITS, voc2007Ids, writeVoc2007Copy, type Voc2007Split } from '../../../scripts/dataset-fixtures/voc2007-copy';
import { VOC_CLASSES } from '../../core/voc/voc-classes';
import { VOC_MINI, runCliInProcess } from './run-cli';

/**
 * VOC 2007 as its release unpacks (VOCdevkit/VOC2007, 6-digit ids, train/val/trainval/test split files
 * beside the class files, difficult flags): voc-mini renamed. The figures `cdul dataset` reports are
 * checked against counts taken from the XML text by regular expressions.
 */
let parent = '';
let vocRoot = '';

beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'cdul-voc2007-'));
  vocRoot = writeVoc2007Copy(VOC_MINI, parent);
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

/** What the split's XML says, counted without the lab's reader. */
function expected(split: Voc2007Split) {
  const [start, end] = VOC2007_SPLITS[split];
  const xmls = voc2007Ids(VOC_MINI)
    .slice(start, end)
    .map(({ from }) => readFileSync(join(VOC_MINI, 'Annotations', `${from}.xml`), 'utf8'));
  const labels = xmls.map(imageLabels);
  const counts = xmls.map(objectCounts);
  const positives = (label: Map<string, 1 | 0>, withDifficult: boolean) => [...label.values()].filter((value) => value === 1 || withDifficult).length;
  return {
    images: xmls.length,
    objects: counts.reduce((sum, count) => sum + count.objects, 0),
    difficultObjects: counts.reduce((sum, count) => sum + count.difficult, 0),
    difficultOnlyPairs: labels.reduce((sum, label) => sum + positives(label, true) - positives(label, false), 0),
    multiLabelImages: labels.filter((label) => positives(label, true) > 1).length,
    multiLabelImagesIgnoringDifficult: labels.filter((label) => positives(label, false) > 1).length,
    positivesPerClass: Object.fromEntries(VOC_CLASSES.map((name) => [name, labels.filter((label) => label.has(name)).length])),
  };
}

describe('PASCAL VOC 2007 (VOCdevkit/VOC2007, voc-mini renamed)', () => {
  it('dataset --json from the folder above VOCdevkit: format voc, the four splits, each split counted as its XML says', async () => {
    for (const split of ['trainval', 'test'] as const) {
      const run = await runCliInProcess(['dataset', '--dataset', parent, '--split', split, '--json']);
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(report).toMatchObject({ format: 'voc', path: 'VOCdevkit/VOC2007', split, splits: ['test', 'train', 'trainval', 'val'], skipped: [], warnings: [] });
      expect(report.classes).toEqual([...VOC_CLASSES]);
      expect(report).toMatchObject(expected(split));
    }
  });

  it('the difficult-only pairs are there to count (the copy is not trivially free of them)', () => {
    expect(expected('trainval').difficultOnlyPairs + expected('test').difficultOnlyPairs).toBeGreaterThan(0);
    expect(expected('trainval').difficultObjects).toBeGreaterThan(0);
  });

  it('--voc (the alias) on the VOC2007 root itself reads the same split', async () => {
    const run = await runCliInProcess(['dataset', '--voc', vocRoot, '--split', 'val', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ format: 'voc', path: '', split: 'val', ...expected('val') });
  });

  it('--difficult ignore: classes whose only objects in the split are difficult have no positive', async () => {
    const run = await runCliInProcess(['dataset', '--dataset', vocRoot, '--split', 'test', '--difficult', 'ignore', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const truth = expected('test');
    const [start, end] = VOC2007_SPLITS.test;
    const labels = voc2007Ids(VOC_MINI)
      .slice(start, end)
      .map(({ from }) => imageLabels(readFileSync(join(VOC_MINI, 'Annotations', `${from}.xml`), 'utf8')));
    const withoutPositive = VOC_CLASSES.filter((name) => !labels.some((label) => label.get(name) === 1));
    expect(JSON.parse(run.stdout)).toMatchObject({ classesWithoutPositives: withoutPositive, positivesPerClass: truth.positivesPerClass });
  });
});
