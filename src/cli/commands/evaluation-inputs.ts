import { DataError, type SkippedItem } from '../../core/data-error';
import { selectInputRows } from '../../core/evaluation/select-rows';
import type { PseudoLabelInputs } from '../../core/evaluation/pseudo-labels';
import { readInitCache } from '../../core/init-cache/read-init-cache';
import { loadReferenceCache } from '../../core/ref-cache/load-reference-cache';
import { describeReferenceCache } from '../../core/ref-cache/reference-cache-layout';
import { classTokens, type MultiLabelDataset } from '../../core/datasets/multi-label-dataset';
import { ALL_IMAGES } from '../../core/voc';
import { createNodeFileSource } from '../node-file-source';
import type { EvaluateOptions } from './evaluate-options';

/** Pseudo-label inputs aligned with ground-truth rows: inputs row k belongs to dataset row datasetRows[k]. */
export interface EvaluationInputs {
  readonly inputs: PseudoLabelInputs;
  readonly datasetRows: number[];
  readonly skipped: SkippedItem[];
  readonly warnings: string[];
  readonly grid: number;
  readonly scale: number | null;
}

export function loadEvaluationInputs(options: EvaluateOptions, dataset: MultiLabelDataset): Promise<EvaluationInputs> {
  return options.source === 'ref-cache' ? fromReferenceCache(options, dataset) : fromInitCache(options, dataset);
}

async function fromReferenceCache(options: EvaluateOptions, dataset: MultiLabelDataset): Promise<EvaluationInputs> {
  const source = createNodeFileSource(options.cacheDir);
  const grid = options.grid!;
  const layout = await describeReferenceCache(source, '');
  const entry = layout.grids.find((candidate) => candidate.grid === grid);
  if (!layout.hasGlobal || !entry?.hasAlphaBeta) {
    const found = layout.grids.filter((candidate) => candidate.hasAlphaBeta).map((candidate) => `num_patches_${candidate.grid}`);
    throw new DataError(
      source.label,
      `not a reference-cache model folder for grid ${grid}: expected global/ and ` +
        `num_patches_${grid}/alpha|beta/ (found ${[layout.hasGlobal ? 'global' : '', ...found].filter(Boolean).join(', ') || 'neither'})`,
    );
  }
  const loaded = await loadReferenceCache(source, '', dataset.ids, { grid, classCount: dataset.classes.length });
  return { inputs: loaded.inputs, datasetRows: loaded.rowsInRequest, skipped: loaded.skipped, warnings: [], grid, scale: null };
}

async function fromInitCache(options: EvaluateOptions, dataset: MultiLabelDataset): Promise<EvaluationInputs> {
  const source = createNodeFileSource(options.cacheDir);
  const cache = await readInitCache(source, '', options.scale ?? undefined);
  const { manifest } = cache;
  if (options.grid !== null && options.grid !== manifest.grid) {
    throw new DataError(source.label, `holds a ${manifest.grid}×${manifest.grid} grid, not ${options.grid}×${options.grid}`);
  }
  const classes = classTokens(dataset);
  if (manifest.classes.join() !== classes.join()) {
    throw new DataError(source.label, `was computed for classes [${manifest.classes.join(', ')}], the dataset has [${classes.join(', ')}]`);
  }
  const datasetRow = new Map(dataset.ids.map((id, row) => [id as string, row]));
  const cacheRows = manifest.ids.flatMap((id, row) => (datasetRow.has(id) ? [row] : []));
  const cached = new Set(manifest.ids);
  const encodingFailures = new Map(manifest.skipped.map((item) => [item.id, item.reason]));
  const skipped = dataset.ids
    .filter((id) => !cached.has(id))
    .map((id) => ({ id, reason: encodingFailures.get(id) ?? `not in the cache ${source.label}` }));
  const outside = manifest.ids.length - cacheRows.length;
  return {
    inputs: selectInputRows(cache.inputs, cacheRows),
    datasetRows: cacheRows.map((row) => datasetRow.get(manifest.ids[row]!)!),
    skipped,
    warnings: outside ? [`${outside} cached images are not in split '${dataset.split ?? ALL_IMAGES}' and were ignored`] : [],
    grid: manifest.grid,
    scale: cache.scale,
  };
}
