import { DataError, type SkippedItem } from '../../core/data-error';
import { evaluatePseudoLabels, sweepPseudoLabels } from '../../core/evaluation/evaluate-pseudo-labels';
import { selectRows } from '../../core/evaluation/select-rows';
import type { MeanApResult } from '../../core/metrics/mean-ap';
import { classTokens, type MultiLabelDataset } from '../../core/datasets/multi-label-dataset';
import type { LabelMatrix } from '../../core/types';
import { ALL_IMAGES } from '../../core/voc';
import { openCliDataset } from '../dataset-options';
import { createNodeFileSource } from '../node-file-source';
import { printJson, printWarnings, type CliOutput } from '../output';
import { parseEvaluateOptions, type EvaluateOptions } from './evaluate-options';
import { formatEvaluation, type EvaluationReport } from './evaluate-report';
import { loadEvaluationInputs, type EvaluationInputs } from './evaluation-inputs';

export async function evaluateCommand(argv: string[], output: CliOutput): Promise<number> {
  const options = parseEvaluateOptions(argv);
  printWarnings(output, options.warnings);
  const { dataset } = await openCliDataset(options.dataset, options.split, options.difficult);
  if (!dataset.labels) throw new DataError(dataset.root, 'has no ground truth (a plain folder with a class list): there is no mAP to compute');
  const loaded = await loadEvaluationInputs(options, dataset);
  if (loaded.datasetRows.length === 0) {
    throw new DataError(options.cacheDir, `no image of split '${dataset.split ?? 'all images'}' could be loaded from the cache`);
  }
  const report = buildReport(options, dataset, dataset.labels, loaded);
  if (options.json) {
    printJson(output, report);
  } else {
    printWarnings(output, report.warnings);
    output.result(formatEvaluation(report));
  }
  return 0;
}

function buildReport(options: EvaluateOptions, dataset: MultiLabelDataset, truth: LabelMatrix, loaded: EvaluationInputs): EvaluationReport {
  const labels = selectRows(truth, loaded.datasetRows);
  const classes = classTokens(dataset);
  const settings = { ...options, zeta: options.zeta ?? 0 };
  const sweep = options.sweep
    ? sweepPseudoLabels(loaded.inputs, labels, classes, settings, options.sweep)
    : null;
  const best = sweep?.reduce((a, b) => (b.result.mAP > a.result.mAP ? b : a));
  const result: MeanApResult = best?.result ?? evaluatePseudoLabels(loaded.inputs, labels, classes, settings);
  const skipped: SkippedItem[] = [...dataset.skipped, ...loaded.skipped];
  return {
    source: options.source,
    cache: createNodeFileSource(options.cacheDir).label,
    split: dataset.split ?? ALL_IMAGES,
    grid: loaded.grid,
    scale: loaded.scale,
    mode: options.mode,
    thresh: best ? best.zeta : options.zeta,
    lambda: options.mode === 'final' ? options.lambda : null,
    apConvention: result.convention,
    difficult: result.difficult,
    mAP: result.mAP,
    ap: result.ap,
    images: labels.rows,
    classes,
    evaluatedClasses: result.evaluatedClasses,
    classesWithoutPositives: result.classesWithoutPositives,
    sweep: sweep?.map((point) => ({ thresh: point.zeta, mAP: point.result.mAP })) ?? null,
    skipped,
    warnings: [...dataset.warnings, ...loaded.warnings, ...skipped.map((item) => `skipped ${item.id}: ${item.reason}`)],
  };
}
