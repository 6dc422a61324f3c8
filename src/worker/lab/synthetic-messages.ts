import type { FileSource } from '../../core/dataset-source';
import { randomText } from '../../core/lab/synthetic-embeddings';
import type { RunControl } from '../pipeline/run-control';
import { describeRunFailure } from '../pipeline/run-failure';
import { isSimilarityState, type SimilarityState } from '../pipeline/similarity-state';
import type { DatasetMessage, FromWorker, SyntheticRunRef, ToWorker } from '../protocol/pipeline-protocol';
import type { EmbeddingStore } from '../storage/embedding-store';
import type { FinishedRun } from './finished-run';
import { openStoredSyntheticRun, storeSyntheticRun, storedSyntheticReference, storedSyntheticRunKey, syntheticRun } from './synthetic-run';

/** What the synthetic runs' messages need of the pipeline worker: its store, and the run it shows. */
export interface WorkerRunSlot {
  readonly store: EmbeddingStore;
  post(message: FromWorker): void;
  readonly finished: FinishedRun | null;
  /** A new run replaces the last one; returns the new run's control. */
  reset(): RunControl;
  /** Whether `control` is still the newest run's (a run started meanwhile owns the worker). */
  isCurrent(control: RunControl): boolean;
  finish(run: FinishedRun): void;
}

export type SyntheticMessage = Extract<ToWorker, { type: 'debug-synthetic-run' | 'debug-store-synthetic-run' | 'debug-open-synthetic-run' | 'debug-synthetic-prompts' }>;

/**
 * Test and benchmark only — the page sends these only from its `?e2e` hooks (app/state/e2e-hooks.ts):
 * synthetic runs in memory or in the embedding store (lab/synthetic-run.ts), opened like finished
 * runs, and prompt changes without a text encoder.
 */
export async function handleSyntheticMessage(message: SyntheticMessage, slot: WorkerRunSlot): Promise<void> {
  switch (message.type) {
    case 'debug-synthetic-run':
      return openInMemory(message.images, message.grid, slot);
    case 'debug-store-synthetic-run':
      return store(message.run, message.chunkSize, slot);
    case 'debug-open-synthetic-run':
      return openStored(message.run, message.reference?.textSeed, slot);
    case 'debug-synthetic-prompts':
      return changePrompts(message.seed, slot);
  }
}

/** A finished run of synthetic embeddings held in memory, no files. */
function openInMemory(images: number, grid: number, slot: WorkerRunSlot): void {
  slot.reset();
  const state = syntheticRun(images, grid, 20, 512);
  slot.finish({ state, source: NO_FILES, imageFiles: new Map(), textEncoder: null, storeKey: null, classNames: {} });
  slot.post(syntheticDataset(images, state.classes));
  slot.post({ type: 'complete', images, recomputed: images, runKey: `synthetic:${images}/grid:${grid}` });
}

/** A synthetic run written into the store, chunk by chunk; answered by 'debug-synthetic-stored'. */
async function store(run: SyntheticRunRef, chunkSize: number, slot: WorkerRunSlot): Promise<void> {
  const started = performance.now();
  try {
    const runKey = await storeSyntheticRun(slot.store, run, chunkSize);
    slot.post({ type: 'debug-synthetic-stored', runKey, writeMs: performance.now() - started, error: null });
  } catch (error) {
    slot.post({ type: 'debug-synthetic-stored', runKey: storedSyntheticRunKey(run), writeMs: performance.now() - started, error: describeRunFailure(error) });
  }
}

/**
 * A stored synthetic run opened like a finished run, its chunks streamed from the store — or, with a
 * reference text seed (null: the run's own text), the whole-matrix reference of it.
 */
async function openStored(run: SyntheticRunRef, referenceSeed: number | null | undefined, slot: WorkerRunSlot): Promise<void> {
  const control = slot.reset();
  try {
    const reference = referenceSeed !== undefined;
    const state = reference ? await storedSyntheticReference(slot.store, run, referenceSeed) : await openStoredSyntheticRun(slot.store, run);
    if (!slot.isCurrent(control)) return;
    const storeKey = storedSyntheticRunKey(run);
    // The reference is another run for the page: its answers must not come from the streamed run's cache.
    const runKey = reference ? `reference:${referenceSeed ?? 'own'}:${storeKey}` : storeKey;
    slot.finish({ state, source: NO_FILES, imageFiles: new Map(), textEncoder: null, storeKey: reference ? null : storeKey, classNames: {} });
    slot.post(syntheticDataset(state.ids.length, state.classes));
    slot.post({ type: 'complete', images: state.ids.length, recomputed: 0, runKey });
  } catch (error) {
    slot.post({ type: 'error', message: describeRunFailure(error) });
  }
}

/** A prompt change without a text encoder: seeded random text embeddings, the cosines recomputed from the chunks. */
async function changePrompts(seed: number, slot: WorkerRunSlot): Promise<void> {
  const current = slot.finished;
  if (!current || !isSimilarityState(current.state)) {
    slot.post({ type: 'prompts-error', message: 'no finished run with embeddings' });
    return;
  }
  const started = performance.now();
  let state: SimilarityState;
  try {
    state = await current.state.withText(randomText(current.state.classes.length, current.state.text.cols, seed));
  } catch (error) {
    slot.post({ type: 'prompts-error', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (slot.finished !== current) return;
  slot.finish({ ...current, state });
  const prompts = state.classes.map((name) => `synthetic text ${seed}: ${name}`);
  const choice = { template: `synthetic text ${seed}: {}`, classNames: {} };
  slot.post({ type: 'prompts', prompts: { choice, prompts, textFromCache: true, textEncoderMs: 0, similaritiesMs: performance.now() - started } });
}

/** The file source of a synthetic run: it has no files. */
const NO_FILES: FileSource = {
  label: 'synthetic run',
  listFiles: async () => [],
  listDirs: async () => [],
  exists: async () => false,
  readBytes: async (path) => {
    throw new Error(`a synthetic run has no image files (${path})`);
  },
  readText: async (path) => {
    throw new Error(`a synthetic run has no files (${path})`);
  },
};

/** A synthetic run's dataset as the workspace is told of it (labelled: its truth is synthetic too). */
function syntheticDataset(images: number, classes: readonly string[]): DatasetMessage {
  return { type: 'dataset', images, classes, promptNames: classes, split: 'synthetic', warnings: [], format: 'synthetic', splits: [], unlabelled: false };
}
