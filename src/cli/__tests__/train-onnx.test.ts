import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePseudoLabels } from '../../core/evaluation/pseudo-labels';
import { onnx } from '../../core/formats/onnx-proto';
import { decodeNpy } from '../../core/formats/npy';
import { CACHE_FILES } from '../../core/init-cache/cache-manifest';
import { CpuTrainer } from '../../core/training/cpu-trainer';
import { l2NormalizeRows } from '../../core/training/normalize-features';
import { createMatrix } from '../../core/types';
import { openCliDataset } from '../dataset-options';
import { parseTrainOptions } from '../commands/train-options';
import { loadCachedSplit } from '../commands/training-inputs';
import { runCliInProcess } from './run-cli';

const DEMO = 'public/demo/voc-demo';
const root = mkdtempSync(join(tmpdir(), 'cdul-train-onnx-'));
const voc = join(root, 'voc');
const cache = join(root, 'cache');

/** 24 train images of the demo dataset (as train-demo.test.ts does, smaller and without val). */
function writeDemoSubset(): void {
  const ids = readFileSync(join(DEMO, 'ImageSets/Main/train.txt'), 'utf8').split('\n').filter(Boolean).slice(0, 24);
  for (const dir of ['JPEGImages', 'Annotations', 'ImageSets/Main']) mkdirSync(join(voc, dir), { recursive: true });
  writeFileSync(join(voc, 'ImageSets/Main/train.txt'), `${ids.join('\n')}\n`);
  for (const id of ids) {
    copyFileSync(join(DEMO, 'JPEGImages', `${id}.jpg`), join(voc, 'JPEGImages', `${id}.jpg`));
    copyFileSync(join(DEMO, 'Annotations', `${id}.xml`), join(voc, 'Annotations', `${id}.xml`));
  }
}

const trainArgs = (extra: string[]) => [
  'train', '--cache', cache, '--voc', voc, '--train-split', 'train',
  '--epochs', '2', '--warmup', '1', '--lr', '0.05', '--batch', '8', '--seed', '7', ...extra,
];

/** The same run in-process with the CPU trainer: its σ(head(x)) for `features` after the last epoch. */
async function cpuPredictions(args: string[], features: ReturnType<typeof createMatrix>): Promise<Float32Array> {
  const options = parseTrainOptions(args.slice(1));
  const { dataset } = await openCliDataset(options.dataset, options.trainSplit, 'positive');
  const split = await loadCachedSplit(options.cacheDir, dataset, '--cache');
  const initialLabels = computePseudoLabels(split.inputs, { mode: 'final', zeta: options.zeta, lambda: options.lambda });
  const trainer = new CpuTrainer({ features: split.features, initialLabels, classes: split.classes, trainTruth: split.truth! }, options.settings);
  while (!trainer.done()) trainer.epoch();
  return trainer.predict(features);
}

describe('cdul train --onnx (demo subset cached by cdul cache, demo-clip, grid 1)', () => {
  beforeAll(async () => {
    writeDemoSubset();
    const run = await runCliInProcess(['cache', '--voc', voc, '--model', 'models/demo-clip', '--grid', '1', '--out', cache]);
    expect(run.code, run.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(['linear', 'mlp'])('%s head: the written model gives the CPU trainer\'s predictions on the raw embeddings', async (head) => {
    const file = join(root, 'out', `head-${head}.onnx`); // the folder does not exist yet
    const args = trainArgs(['--head', head, '--hidden', '12', '--onnx', file]);
    const run = await runCliInProcess([...args, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { onnx: string; epochs: unknown[] };
    expect(report.onnx).toBe(file);
    expect(report.epochs).toHaveLength(2);

    const embeds = decodeNpy(readFileSync(join(cache, CACHE_FILES.globalEmbeds)), CACHE_FILES.globalEmbeds);
    const [rows, dim] = embeds.shape as [number, number];
    const bytes = readFileSync(file);
    const session = await ort.InferenceSession.create(bytes);
    const result = await session.run({ image_embeds: new ort.Tensor('float32', embeds.data, [rows, dim]) });
    const probabilities = result.probabilities!.data as Float32Array;
    const expected = await cpuPredictions(args, l2NormalizeRows(createMatrix(rows, dim, embeds.data)));
    expect(probabilities.length).toBe(expected.length);
    let worst = 0;
    expected.forEach((p, k) => (worst = Math.max(worst, Math.abs(probabilities[k]! - p))));
    expect(worst).toBeLessThanOrEqual(1e-5);
    await session.release();

    const model = onnx.ModelProto.decode(bytes);
    const classes = model.metadataProps.find((p) => p.key === 'classes')?.value;
    expect(JSON.parse(classes!)).toEqual(JSON.parse(readFileSync(join(cache, CACHE_FILES.manifest), 'utf8')).classes);
  });

  it('says where the head went in the text report; a folder as --onnx is a usage error before training', async () => {
    const file = join(root, 'head.onnx');
    const run = await runCliInProcess(trainArgs(['--onnx', file]));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n').at(-1)).toBe(`head written as ONNX to ${file} (input image_embeds; outputs logits, probabilities)`);
    const folder = await runCliInProcess(trainArgs(['--onnx', root]));
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/--onnx .* is a folder/);
    expect(folder.stdout).toBe('');
  });
});
