import { DataError, type SkippedItem } from '../../core/data-error';
import { evaluatePseudoLabels, sweepPseudoLabels } from '../../core/evaluation/evaluate-pseudo-labels';
import { selectLabelRows } from '../../core/evaluation/select-label-rows';
import type { MeanApResult } from '../../core/metrics/mean-ap';
import { loadReferenceCache, type LoadedReferenceCache } from '../../core/ref-cache/load-reference-cache';
import { describeReferenceCache } from '../../core/ref-cache/reference-cache-layout';
import type { LabelMatrix } from '../../core/types';
import { loadVocDataset, type VocDataset } from '../../core/voc';
import { createNodeFileSource } from '../node-file-source';
import { printJson, printWarnings, type CliOutput } from '../output';
import { parseEvaluateOptions, type EvaluateOptions } from './evaluate-options';
import { formatEvaluation, type EvaluationReport } from './evaluate-report';

export async function evaluateCommand(argv: string[], output: CliOutput): Promise<number> {
  const options = parseEvaluateOptions(argv);
  const dataset = await loadVocDataset(createNodeFileSource(options.vocDir), {
    split: options.split,
    difficult: options.difficult,
  });
  const cache = await loadCache(options, dataset);
  const labels = selectLabelRows(dataset.labels, cache.rowsInRequest);
  if (labels.rows === 0) {
    throw new DataError(options.cacheDir, `no image of split '${options.split}' could be loaded from the cache`);
  }
  const report = buildReport(options, dataset, cache, labels);
  if (options.json) {
    printJson(output, report);
  } else {
    printWarnings(output, report.warnings);
    output.result(formatEvaluation(report));
  }
  return 0;
}

async function loadCache(options: EvaluateOptions, dataset: VocDataset): Promise<LoadedReferenceCache> {
  const source = createNodeFileSource(options.cacheDir);
  const layout = await describeReferenceCache(source, '');
  const grid = layout.grids.find((entry) => entry.grid === options.grid);
  if (!layout.hasGlobal || !grid?.hasAlphaBeta) {
    const found = layout.grids.filter((entry) => entry.hasAlphaBeta).map((entry) => `num_patches_${entry.grid}`);
    throw new DataError(
      source.label,
      `not a reference-cache model folder for grid ${options.grid}: expected global/ and ` +
        `num_patches_${options.grid}/alpha|beta/ (found ${[layout.hasGlobal ? 'global' : '', ...found].filter(Boolean).join(', ') || 'neither'})`,
    );
  }
  return loadReferenceCache(source, '', dataset.ids, { grid: options.grid, classCount: dataset.classes.length });
}

function buildReport(
  options: EvaluateOptions,
  dataset: VocDataset,
  cache: LoadedReferenceCache,
  labels: LabelMatrix,
): EvaluationReport {
  const settings = { ...options, zeta: options.zeta ?? 0 };
  const sweep = options.sweep
    ? sweepPseudoLabels(cache.inputs, labels, dataset.classes, settings, options.sweep)
    : null;
  const best = sweep?.reduce((a, b) => (b.result.mAP > a.result.mAP ? b : a));
  const result: MeanApResult = best?.result ?? evaluatePseudoLabels(cache.inputs, labels, dataset.classes, settings);
  const skipped: SkippedItem[] = [...dataset.skipped, ...cache.skipped];
  return {
    source: 'ref-cache',
    cache: createNodeFileSource(options.cacheDir).label,
    split: options.split,
    grid: options.grid,
    mode: options.mode,
    thresh: best ? best.zeta : options.zeta,
    lambda: options.mode === 'final' ? options.lambda : null,
    apConvention: result.convention,
    difficult: result.difficult,
    mAP: result.mAP,
    ap: result.ap,
    images: labels.rows,
    classes: [...dataset.classes],
    evaluatedClasses: result.evaluatedClasses,
    classesWithoutPositives: result.classesWithoutPositives,
    sweep: sweep?.map((point) => ({ thresh: point.zeta, mAP: point.result.mAP })) ?? null,
    skipped,
    warnings: [...dataset.warnings, ...skipped.map((item) => `skipped ${item.id}: ${item.reason}`)],
  };
}
