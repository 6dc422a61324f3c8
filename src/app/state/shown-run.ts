import type { BackendPreference, DatasetRef, ExecutionProvider, ModelRef, RunRequest } from '../../worker/protocol/pipeline-protocol';
import { datasetChoiceOf } from './dataset-choice';
import type { Selection } from './selection';

/**
 * Which run the views show (or the one being computed or opened): what the title line of every view
 * names, and what is compared with the selection so a view never shows another run without saying so.
 */
export type ShownRun =
  | { readonly kind: 'computed'; readonly request: RunRequest }
  /** The reference reproduction's clip_cache/model_<clip>: its own model, grid and temperature. */
  | { readonly kind: 'reference-cache'; readonly dataset: DatasetRef; readonly split: string | null; readonly clip: string; readonly grid: number }
  /** A `cdul cache` folder: its model and grid are the manifest's (known once it is open). */
  | { readonly kind: 'cache-folder'; readonly dataset: DatasetRef; readonly model: ModelRef };

/** The five parts of a title line: dataset · split · model · grid · backend. */
export interface RunTitleParts {
  readonly dataset: string;
  readonly split: string;
  readonly model: string;
  readonly grid: string;
  readonly backend: string;
}

/** What the worker has said of the run so far, where it says more than the request. */
export interface ShownRunFacts {
  /** The split the worker read (null: every image; undefined: not read yet). */
  readonly split?: string | null;
  readonly provider?: ExecutionProvider | null;
  readonly cacheFolder?: { readonly modelId: string; readonly grid: number; readonly label: string } | null;
}

export const formatTitle = (parts: RunTitleParts): string => [parts.dataset, parts.split, parts.model, parts.grid, parts.backend].join(' · ');

const PROVIDER_NAMES: Readonly<Record<BackendPreference, string>> = { webgpu: 'WebGPU', wasm: 'WebAssembly', auto: 'backend chosen automatically' };

const modelName = (model: ModelRef): string => (model.kind === 'catalog' && model.variant !== 'fp32' ? `${model.id} (${model.variant})` : model.id);

const splitName = (split: string | null, limit: number | null = null): string => `${split ?? 'all images'}${limit !== null ? ` (first ${limit})` : ''}`;

const gridName = (grid: number): string => `${grid}×${grid}`;

export function shownRunTitle(shown: ShownRun, facts: ShownRunFacts = {}): RunTitleParts {
  switch (shown.kind) {
    case 'computed': {
      const { request } = shown;
      const split = facts.split !== undefined ? facts.split : request.split;
      return {
        dataset: request.dataset.label,
        split: splitName(split, request.limit),
        model: modelName(request.model),
        grid: gridName(request.grid),
        backend: PROVIDER_NAMES[facts.provider ?? request.preferredProvider],
      };
    }
    case 'reference-cache':
      return {
        dataset: shown.dataset.label,
        split: splitName(facts.split !== undefined ? facts.split : shown.split),
        model: shown.clip,
        grid: gridName(shown.grid),
        backend: 'reference cache (scores as stored)',
      };
    case 'cache-folder':
      return {
        dataset: shown.dataset.label,
        split: facts.split !== undefined ? splitName(facts.split) : "the cache's split",
        model: facts.cacheFolder?.modelId ?? "the cache's model",
        grid: facts.cacheFolder ? gridName(facts.cacheFolder.grid) : "the cache's grid",
        backend: `cache folder ${facts.cacheFolder?.label ?? ''}`.trim(),
      };
  }
}

/** The run the workspace's selection would compute, in the same words. */
export function selectionTitle(selection: Selection): RunTitleParts {
  return {
    dataset: selection.dataset.label,
    split: splitName(selection.split, selection.limit),
    model: modelName(selection.model),
    grid: gridName(selection.grid),
    backend: PROVIDER_NAMES[selection.provider],
  };
}

/**
 * Whether the shown run is the one the selection describes. The backend is left out (the same
 * embeddings, stored once whichever encoded them) and so are the prompts (applied to the shown run).
 * A reference cache or a cache folder brings its own model and grid: only its dataset (and a
 * reference cache's split) must be the selection's.
 */
export function shownRunMatches(shown: ShownRun, selection: Selection): boolean {
  switch (shown.kind) {
    case 'computed': {
      const { request } = shown;
      return (
        sameDatasetRef(request.dataset, selection.dataset) &&
        request.split === selection.split &&
        request.limit === selection.limit &&
        request.grid === selection.grid &&
        sameModelRef(request.model, selection.model) &&
        sameReading(request, selection)
      );
    }
    case 'reference-cache':
      return sameDatasetRef(shown.dataset, selection.dataset) && shown.split === selection.split;
    case 'cache-folder':
      return sameDatasetRef(shown.dataset, selection.dataset);
  }
}

export const shownDataset = (shown: ShownRun): DatasetRef => (shown.kind === 'computed' ? shown.request.dataset : shown.dataset);

/** The same folder: the same object, the same URL, or a folder handle of the same name (a reload restores another object). */
export function sameDatasetRef(a: DatasetRef, b: DatasetRef): boolean {
  if (a === b) return true;
  if (a.kind === 'http' && b.kind === 'http') return a.url === b.url;
  return a.kind === 'directory' && b.kind === 'directory' && a.label === b.label;
}

function sameModelRef(a: ModelRef, b: ModelRef): boolean {
  if (a === b) return true;
  return a.kind === 'catalog' && b.kind === 'catalog' && a.id === b.id && a.variant === b.variant;
}

/** The same format, crowd policy and typed classes (a request journalled before they existed reads as the defaults). */
function sameReading(request: RunRequest, selection: Selection): boolean {
  const chosen = datasetChoiceOf(selection.datasetForm);
  const asked = { format: request.format ?? 'auto', crowd: request.crowd ?? 'positive', classes: request.classes ?? null };
  return asked.format === chosen.format && asked.crowd === chosen.crowd && JSON.stringify(asked.classes) === JSON.stringify(chosen.classes ?? null);
}
