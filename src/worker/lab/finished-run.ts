import type { FileSource } from '../../core/dataset-source';
import type { MultiLabelDataset } from '../../core/datasets/multi-label-dataset';
import type { WebClipModel } from '../inference/web-clip-model';
import { isSimilarityState, type LabState } from '../pipeline/similarity-state';
import type { EmbeddingStore } from '../storage/embedding-store';
import { deriveState } from './derived-states';
import type { LabRun } from './lab-run';
import { cachedGrids } from './other-grid';
import { findValSet, valCandidates } from './val-set';

/**
 * Everything the pipeline worker keeps of the run the views show, as ONE value: a new run, a prompt
 * change or a reset replaces it whole, so no query ever sees the state of one run with the files,
 * text encoder or class names of another.
 */
export interface FinishedRun {
  readonly state: LabState;
  /** The dataset, kept open for the views (image files are read on demand). */
  readonly source: FileSource;
  /** Image id → path inside the dataset. */
  readonly imageFiles: ReadonlyMap<string, string>;
  /** The run's model: its text encoder answers prompt changes (null for reference caches and synthetic runs). */
  readonly textEncoder: WebClipModel | null;
  /** The run's key in the embedding store (null for reference caches and synthetic runs). */
  readonly storeKey: string | null;
  /** The class names in force (a query's own prompt template keeps them). */
  readonly classNames: Readonly<Record<string, string>>;
  /** Per class, its prompt's name where the user gives none (the dataset's; VOC's natural names when absent). */
  readonly promptNames?: readonly string[];
  /** Another split of the run's dataset, read as the run's was (val sets); absent: only this split. */
  readonly loadSplit?: (split: string) => Promise<MultiLabelDataset>;
  /** Why this run's prompts cannot change (a cache folder opened without its model); absent: they can, with a text encoder. */
  readonly promptsUnavailable?: string;
}

/** The finished run as the views' queries see it: with other grids, templates and val splits when it has embeddings. */
export function labRunOf(run: FinishedRun, store: EmbeddingStore): LabRun {
  const { state, source, imageFiles, textEncoder, storeKey, classNames, promptNames, loadSplit } = run;
  if (!isSimilarityState(state) || !textEncoder || !storeKey) return { state, source, imageFiles };
  const context = { store, runKey: storeKey, textEncoder, classNames, promptNames };
  return {
    state,
    source,
    imageFiles,
    derive: (options) => deriveState(state, context, options),
    cachedGrids: () => cachedGrids(store, storeKey),
    valSet: (split) => findValSet(store, loadSplit, storeKey, split),
    valCandidates: () => valCandidates(store, storeKey),
  };
}
