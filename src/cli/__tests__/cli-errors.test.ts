import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED, SEED_MODEL, VOC_MINI, evaluateArgs, runCliInProcess, runCliProcess } from './run-cli';

describe('bad usage: exit 2 with a message naming the option', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /dataset --dataset DIR/],
    ['unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['missing --dataset', ['dataset'], /missing --dataset DIR/],
    ['both --dataset and --voc', ['dataset', '--dataset', VOC_MINI, '--voc', VOC_MINI], /give --dataset or --voc, not both/],
    ['bad --format', ['dataset', '--dataset', VOC_MINI, '--format', 'imagenet'], /--format must be one of auto, voc, coco, nus-wide, folder; got 'imagenet'/],
    ['unknown option', ['dataset', '--voc', VOC_MINI, '--colour'], /Unknown option '--colour'/],
    ['bad --mode', evaluateArgs({ mode: 'best' }), /--mode must be one of global, aggregate, final; got 'best'/],
    ['missing --thresh', evaluateArgs({ mode: 'final' }), /missing --thresh/],
    ['--thresh not a number', evaluateArgs({ mode: 'final', thresh: 'high' }), /--thresh expects a number, got 'high'/],
    ['--lambda out of range', evaluateArgs({ mode: 'final', thresh: '0', lambda: '2' }), /--lambda must be between 0 and 1/],
    ['--grid out of range', evaluateArgs({ mode: 'global', grid: '0' }), /--grid must be between 1 and 8/],
    ['--sweep with global', evaluateArgs({ mode: 'global', sweep: '0:1:0.1' }), /--sweep needs --mode aggregate or final/],
    ['malformed --sweep', evaluateArgs({ mode: 'final', sweep: '0-1' }), /--sweep expects FROM:TO:STEP/],
    ['unsupported --source', evaluateArgs({ mode: 'global', source: 'onnx' }), /--source must be one of ref-cache/],
    ['bad --ap', evaluateArgs({ mode: 'global', ap: 'coco' }), /--ap must be one of step, voc07, voc10/],
  ];
  it.each(cases)('%s', async (_, args, message) => {
    const run = await runCliInProcess(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('the real process exits 2 and prints nothing on stdout', () => {
    const run = runCliProcess(evaluateArgs({ mode: 'best' }));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--mode must be one of/);
  });
});

describe('data errors: exit 1 with a message naming the file', () => {
  it('a split that does not exist', async () => {
    const run = await runCliInProcess(evaluateArgs({ mode: 'global', split: 'val' }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ImageSets\/Main\/val\.txt: split 'val' not found \(available splits: train\)/);
  });

  it('a cache folder that is not a reference-cache model folder', async () => {
    const run = await runCliInProcess(evaluateArgs({ mode: 'global', cache: SEED }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/seed-cache-sample: not a reference-cache model folder for grid 3/);
  });

  it('a grid that was not cached', async () => {
    const run = await runCliInProcess(evaluateArgs({ mode: 'global', grid: '4' }));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/expected global\/ and num_patches_4\/alpha\|beta\/ \(found global, num_patches_3\)/);
  });
});

describe('bad input files: named, skipped, the rest evaluated', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdul-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(SEED, dir, { recursive: true });
  const model = join(dir, 'clip_cache/model_RN50x64');
  writeFileSync(join(model, 'global/2008_001310.pt'), new Uint8Array(0));
  writeFileSync(join(dir, 'Annotations/2008_001645.xml'), '<annotation><object><name>dog</name></annotation>');

  it('evaluate skips a zero-byte .pt and a malformed XML and reports both', async () => {
    const run = await runCliInProcess([
      'evaluate', '--voc', dir, '--split', 'train', '--source', 'ref-cache', '--cache', model,
      '--grid', '3', '--mode', 'final', '--thresh', '0', '--json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { images: number; mAP: number; skipped: { id: string; reason: string }[] };
    expect(report.images).toBe(58);
    expect(report.skipped.map((item) => item.id).sort()).toEqual(['2008_001310', '2008_001645']);
    expect(report.skipped.find((item) => item.id === '2008_001310')!.reason).toMatch(
      /global\/2008_001310\.pt: not a PyTorch file: the file is empty/,
    );
    expect(report.skipped.find((item) => item.id === '2008_001645')!.reason).toMatch(
      /Annotations\/2008_001645\.xml: malformed XML/,
    );
    expect(report.mAP).toBeGreaterThan(50);
  });

  it('without --json the skipped files go to stderr as warnings and the table to stdout', async () => {
    const run = await runCliInProcess([
      'evaluate', '--voc', dir, '--split', 'train', '--source', 'ref-cache', '--cache', model,
      '--grid', '3', '--mode', 'global',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: skipped 2008_001310: .*global\/2008_001310\.pt/);
    expect(run.stdout).toMatch(/skipped 2 image\(s\)/);
  });
});

describe('cdul dataset', () => {
  it('summarises voc-mini through the real process: JSON only on stdout', () => {
    const run = runCliProcess(['dataset', '--voc', VOC_MINI, '--json']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      images: 100,
      objects: 273,
      difficultObjects: 38,
      multiLabelImages: 45,
      multiLabelImagesIgnoringDifficult: 37,
    });
    expect(summary.classes).toHaveLength(20);
    expect(summary.warnings).toEqual(['no ImageSets/Main: images listed from Annotations/ (100 files)']);
  });

  it('reads a split and its class files on the seed sample', async () => {
    const run = await runCliInProcess(['dataset', '--voc', SEED, '--split', 'train', '--json']);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ format: 'voc', images: 60, split: 'train', splits: ['train'], unlabelled: false, warnings: [] });
    expect(summary.classesWithoutPositives).toEqual(['pottedplant']);
  });

  it('an empty split is a data error naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cdul-empty-'));
    cpSync(SEED, dir, { recursive: true });
    writeFileSync(join(dir, 'ImageSets/Main/train.txt'), '\n');
    const run = await runCliInProcess(['dataset', '--voc', dir, '--split', 'train']);
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ImageSets\/Main\/train\.txt: split 'train' lists no images/);
  });
});
