import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DataError } from '../../core/data-error';
import { computePseudoLabels } from '../../core/evaluation/pseudo-labels';
import { evaluateMeanAp } from '../../core/metrics/mean-ap';
import { CpuTrainer } from '../../core/training/cpu-trainer';
import type { HeadShape } from '../../core/training/head';
import { headToOnnx } from '../../core/training/onnx-head';
import { heldOutSplit } from '../../core/training/held-out';
import type { EpochFigures, KeptEpoch, TrainingData } from '../../core/training/trainer';
import { openCliDataset } from '../dataset-options';
import { printJson, printWarnings, type CliOutput } from '../output';
import { UsageError } from '../usage-error';
import { parseTrainOptions, type TrainOptions } from './train-options';
import { formatTrainReport, type TrainReport } from './train-report';
import { loadCachedSplit, type CachedSplit } from './training-inputs';

export async function trainCommand(argv: string[], output: CliOutput): Promise<number> {
  const options = parseTrainOptions(argv);
  if (options.valCacheDir !== null && options.valSplit === null) throw new UsageError('--val-cache needs --val-split');
  if (options.onnxPath !== null) await checkOnnxPath(options.onnxPath);
  const train = await loadSplit(options, options.trainSplit, options.cacheDir, '--cache');
  const valFlag = options.valCacheDir === null ? '--cache' : '--val-cache';
  const val = options.valSplit === null ? null : await loadSplit(options, options.valSplit, options.valCacheDir ?? options.cacheDir, valFlag);
  if (val && val.features.cols !== train.features.cols) {
    throw new DataError(val.cache, `holds ${val.features.cols}-dimensional embeddings, the train cache ${train.features.cols}-dimensional`);
  }
  const initialLabels = computePseudoLabels(train.inputs, { mode: 'final', zeta: options.zeta, lambda: options.lambda });
  const classes = train.classes;
  const data: TrainingData = {
    features: train.features,
    initialLabels,
    classes,
    ...(train.truth ? { trainTruth: train.truth } : {}),
    ...(val?.truth ? { val: { features: val.features, truth: val.truth } } : {}),
  };
  const trainer = new CpuTrainer(data, options.settings);
  const clampedMap = trainer.pseudoLabelMap();
  const epochs: EpochFigures[] = [];
  while (!trainer.done()) {
    epochs.push(trainer.epoch());
    if (!options.json) output.note(`epoch ${epochs.length}/${options.settings.epochs}`);
  }
  if (options.onnxPath !== null) {
    const shape: HeadShape = { kind: options.settings.head, inputs: train.features.cols, hidden: options.settings.hidden, classes: classes.length };
    // The kept epoch's head: the best held-out epoch, or the last one without a held-out share.
    await writeOnnx(options.onnxPath, headToOnnx(shape, trainer.kept()?.params ?? trainer.params(), { classes, producer: 'cdul-lab cdul train' }));
  }
  const initialMap = train.truth ? evaluateMeanAp(initialLabels, train.truth, { convention: 'step', difficult: 'positive' }, classes).mAP : null;
  const kept = keptSummary(trainer.kept(), epochs, heldOutSplit(train.features.rows, options.settings.heldOut, options.settings.seed).heldOutRows.length);
  const report = buildReport(options, train, val, epochs, { mAP: initialMap, clampedMap }, kept);
  if (options.json) {
    printJson(output, report);
  } else {
    printWarnings(output, report.warnings);
    output.result(formatTrainReport(report));
  }
  return 0;
}

/** Fails before training, not after it, when --onnx names a folder. */
async function checkOnnxPath(path: string): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) throw new UsageError(`--onnx ${path} is a folder; give a file name`);
}

async function writeOnnx(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  } catch (error) {
    throw new DataError(path, `could not be written (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function loadSplit(options: TrainOptions, split: string | null, cacheDir: string, flag: string): Promise<CachedSplit> {
  const { dataset } = await openCliDataset(options.dataset, split, 'positive');
  return loadCachedSplit(cacheDir, dataset, flag);
}

function keptSummary(kept: KeptEpoch | null, epochs: readonly EpochFigures[], heldOutImages: number): TrainReport['kept'] {
  if (!kept) return null;
  const figures = epochs.find((figure) => figure.epoch === kept.epoch)!;
  const by = kept.selectedByHeldOut ? 'held-out' : 'last';
  return { epoch: kept.epoch, by, heldOutImages, heldOutLoss: figures.heldOutLoss, pseudoLabelMap: figures.pseudoLabelMap, valMap: figures.valMap };
}

function buildReport(
  options: TrainOptions,
  train: CachedSplit,
  val: CachedSplit | null,
  epochs: EpochFigures[],
  initial: { mAP: number | null; clampedMap: number | null },
  kept: TrainReport['kept'],
): TrainReport {
  const { settings } = options;
  const stoppedEarly =
    epochs.length < settings.epochs ? `the held-out score did not improve over ${settings.patience} label updates` : null;
  const skipped = [...train.skipped, ...(val?.skipped ?? [])];
  return {
    cache: train.cache,
    valCache: val?.cache ?? null,
    trainSplit: options.trainSplit,
    valSplit: options.valSplit,
    images: { train: train.features.rows, val: val?.features.rows ?? null },
    initialLabels: { mode: 'final', zeta: options.zeta, lambda: options.lambda, ...initial },
    settings,
    apConvention: 'step',
    epochs,
    stoppedEarly,
    kept,
    skipped,
    warnings: skipped.map((item) => `skipped ${item.id}: ${item.reason}`),
    onnx: options.onnxPath,
  };
}
