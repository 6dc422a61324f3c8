import type { ModelVariant } from '../../core/clip/model-catalog';
import { DEFAULT_PROMPT_CHOICE, type PromptChoice } from '../../core/clip/prompts';
import type { BackendPreference, DatasetRef, ModelRef } from '../../worker/protocol/pipeline-protocol';
import { DEFAULT_DATASET_FORM, type DatasetForm } from './dataset-choice';
import type { SliceSet } from './slice';

/** The default the lab opens with: the embedded demo dataset and the model built for it. */
export const DEMO_DATASET: DatasetRef = { kind: 'http', url: '/demo/voc-demo/', label: 'Demo dataset (built in)' };
/**
 * The Training view's example: the same generator with smaller, overlapping, partly hidden objects and
 * drifting colours, so Y0 is far from perfect at every grid and gradient alignment has something to do.
 */
export const TRAINING_DEMO_DATASET: DatasetRef = { kind: 'http', url: '/demo/voc-demo-hard/', label: 'Training demo (built in, harder scenes)' };
const BUILT_IN_DATASETS: readonly DatasetRef[] = [DEMO_DATASET, TRAINING_DEMO_DATASET];
/**
 * `?hub=URL` points every catalog model at a mirror in the hub's layout (an institute's mirror, or
 * the tests' local server); without it the app's own models come from /models/ and the rest from the hub.
 */
export const HUB_MIRROR: string | null = new URLSearchParams(globalThis.location?.search ?? '').get('hub');

export const catalogModel = (id: string, variant: ModelVariant = 'fp32'): ModelRef => ({ kind: 'catalog', id, variant, baseUrl: HUB_MIRROR });

/** What the next run computes: dataset, split, how to read it, model, grid, subset, backend and prompts. */
export interface Selection {
  readonly dataset: DatasetRef;
  readonly split: string | null;
  /** How to read the dataset: its format (detected by default), COCO's crowd labels, a typed class list. */
  readonly datasetForm: DatasetForm;
  readonly model: ModelRef;
  readonly grid: number;
  /** First N images only; null = the whole split. */
  readonly limit: number | null;
  /** 'auto' (WebGPU on a hardware adapter, WebAssembly on a software one), or the backend the user chose. */
  readonly provider: BackendPreference;
  /** The prompt template and class names the user chose: used by the next run and sent on "Apply". */
  readonly promptChoice: PromptChoice;
}

export interface SelectionSlice {
  readonly selection: Selection;
  select(patch: Partial<Selection>): void;
}

export const DEFAULT_SELECTION: Selection = {
  dataset: DEMO_DATASET,
  split: 'val',
  datasetForm: DEFAULT_DATASET_FORM,
  model: catalogModel('demo-clip'),
  grid: 3,
  limit: null,
  provider: 'auto',
  promptChoice: DEFAULT_PROMPT_CHOICE,
};

export const createSelectionSlice = (set: SliceSet<SelectionSlice>): SelectionSlice => ({
  selection: DEFAULT_SELECTION,
  select: (patch) => set((state) => ({ selection: { ...state.selection, ...patch } })),
});

/** A built-in demo stays its object (the panels compare by identity). */
export function sameDataset(dataset: DatasetRef): DatasetRef {
  if (dataset.kind !== 'http') return dataset;
  return BUILT_IN_DATASETS.find((demo) => demo.kind === 'http' && demo.url === dataset.url) ?? dataset;
}

export const isBuiltInDataset = (dataset: DatasetRef): boolean => BUILT_IN_DATASETS.includes(dataset);

/** A catalog model follows this page's `?hub=` mirror, not the one of the page that saved it. */
export function sameModel(model: ModelRef): ModelRef {
  return model.kind === 'catalog' ? catalogModel(model.id, model.variant) : model;
}

/** A dataset or model the browser can open again after a reload (not File objects). */
export function isKeepable(ref: DatasetRef | ModelRef): boolean {
  return ref.kind !== 'files';
}
