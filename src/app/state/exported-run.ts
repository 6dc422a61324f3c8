import { exportedRunOfKey, type ExportedRun } from '../../core/export/export-file-name';
import type { DatasetRef, ModelRef } from '../../worker/protocol/pipeline-protocol';
import type { TrainingRunMeta } from '../../worker/protocol/training-protocol';
import { useRunStatus, type RunStatus } from './run-status-store';
import type { ShownRun } from './shown-run';

/**
 * The open run as its exports name it — its dataset, split, model and grid as the run was started
 * (the run status's `shown`), never the selection, which may have changed since (issue 15 item 12,
 * issue 16 item 8) — and the dataset's and model's labels its JSON files carry.
 */
export interface ExportedRunLabels extends ExportedRun {
  /** The dataset as the lab names it, e.g. "Demo dataset (built in)". */
  readonly datasetLabel: string;
}

/** A dataset's short name for file names: the last part of the demo's URL, a folder's name without "(N files)". */
export function datasetShortName(dataset: DatasetRef): string {
  if (dataset.kind === 'http') return dataset.url.split('/').filter(Boolean).at(-1) ?? dataset.label;
  return dataset.label.replace(/\s*\(\d+ files\)$/, '');
}

const modelName = (model: ModelRef): string => (model.kind === 'catalog' && model.variant !== 'fp32' ? `${model.id}-${model.variant}` : model.id);

/**
 * The finished run's names: from how it was started, with what the worker reported (the split it read,
 * a cache folder's own model and grid). null while no run is finished; a run started by no view (a
 * test's synthetic run) is "unknown".
 */
export function exportedRunOf(status: Pick<RunStatus, 'phase' | 'shown' | 'dataset' | 'cacheFolder'>): ExportedRunLabels | null {
  if (status.phase !== 'complete') return null;
  const { shown, cacheFolder } = status;
  const dataset = shown ? shownDatasetRef(shown) : null;
  const started = shown ? startedModelGrid(shown) : null;
  return {
    datasetLabel: dataset?.label ?? 'unknown dataset',
    dataset: dataset ? datasetShortName(dataset) : 'unknown-dataset',
    split: status.dataset?.split ?? null,
    limit: shown?.kind === 'computed' ? shown.request.limit : null,
    model: cacheFolder?.modelId ?? started?.model ?? 'unknown-model',
    grid: cacheFolder?.grid ?? started?.grid ?? 0,
  };
}

const shownDatasetRef = (shown: ShownRun): DatasetRef => (shown.kind === 'computed' ? shown.request.dataset : shown.dataset);

function startedModelGrid(shown: ShownRun): { model: string; grid: number } | null {
  switch (shown.kind) {
    case 'computed':
      return { model: modelName(shown.request.model), grid: shown.request.grid };
    case 'reference-cache':
      return { model: shown.clip, grid: shown.grid };
    case 'cache-folder':
      return null; // the manifest's, reported when the folder is open
  }
}

/** The open run as its exports name it (null while no run is finished). */
export function useExportedRun(): ExportedRunLabels | null {
  const phase = useRunStatus((state) => state.phase);
  const shown = useRunStatus((state) => state.shown);
  const dataset = useRunStatus((state) => state.dataset);
  const cacheFolder = useRunStatus((state) => state.cacheFolder);
  return exportedRunOf({ phase, shown, dataset, cacheFolder });
}

/** The run of images a training run was trained on, as its exports name it (read back from its key for runs stored before). */
export function trainingImagesRun(meta: Pick<TrainingRunMeta, 'source' | 'embeddingRunKey'>): ExportedRun {
  return meta.source ?? exportedRunOfKey(meta.embeddingRunKey) ?? { dataset: 'unknown-dataset', split: null, model: 'unknown-model', grid: 0 };
}

/** The open run's names for a chart's file (a chart is drawn only while a run is open). */
export function useChartRun(): ExportedRun {
  return useExportedRun() ?? { dataset: 'unknown-dataset', split: null, model: 'unknown-model', grid: 0 };
}
