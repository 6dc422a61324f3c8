/// <reference lib="webworker" />
import { destroyGpuDevice } from './inference/gpu-device-loss';
import { openEmbeddingStore } from './storage/embedding-store';
import { runInitialization, type Post } from './pipeline/initialization-run';
import { createRunControl, type RunControl } from './pipeline/run-control';
import { describeRunFailure } from './pipeline/run-failure';
import { changePrompts } from './pipeline/prompt-change';
import { evaluateState, isSimilarityState, type LabState } from './pipeline/similarity-state';
import { listReferenceCaches, openReferenceCache, type ReferenceCacheRequest } from './pipeline/reference-cache-run';
import type { WebClipModel } from './inference/web-clip-model';
import { answerLabQuery, type LabRun } from './lab/lab-session';
import { deriveState } from './lab/derived-states';
import { cachedGrids } from './lab/other-grid';
import { findValSet, valCandidates } from './lab/val-set';
import { syntheticRun } from './lab/synthetic-run';
import type { FileSource } from '../core/dataset-source';
import type { FromWorker, ToWorker } from './protocol';
import type { LabQuery } from './lab/lab-protocol';

/**
 * The pipeline worker: owns the long work (decoding, inference, cache writes) so the page never
 * blocks. One run at a time; settings changes are answered from the last finished run.
 */
const post: Post = (message) => self.postMessage(message);
const store = openEmbeddingStore();
let control: RunControl | null = null;
let state: LabState | null = null;
/** The finished run's model: its text encoder answers prompt changes until the next run starts. */
let textEncoder: WebClipModel | null = null;
/** Where the finished run's images are, for the views' queries. */
let dataset: Omit<LabRun, 'state' | 'derive' | 'cachedGrids'> | null = null;
/** The finished run's key in the embedding store (null for reference caches and synthetic runs). */
let runKeyInForce: string | null = null;
/** The class names in force (a query's own prompt template keeps them). */
let classNamesInForce: Readonly<Record<string, string>> = {};
/** Prompt changes run one after another, so the last one asked for is the one in force. */
let promptQueue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      void start(message.request, resetRun());
      break;
    case 'pause':
      control?.pause();
      break;
    case 'resume':
      control?.resume();
      break;
    case 'cancel':
      control?.cancel();
      break;
    case 'evaluate':
      try {
        if (state) post({ type: 'evaluation', evaluation: evaluateState(state, message.settings) });
      } catch (error) {
        // e.g. a temperature a reference cache does not have: the panel keeps its last numbers.
        post({ type: 'evaluation-error', message: error instanceof Error ? error.message : String(error) });
      }
      break;
    case 'list-reference-caches':
      void listCaches(message.dataset);
      break;
    case 'open-reference-cache':
      void openCache(message.request, resetRun());
      break;
    case 'query':
      void query(message.requestId, message.query);
      break;
    case 'set-prompts':
      promptQueue = promptQueue.then(() => setPrompts(message.choice));
      break;
    case 'debug-synthetic-run':
      resetRun();
      state = syntheticRun(message.images, message.grid, 20, 512);
      dataset = { source: NO_FILES, imageFiles: new Map() };
      post({ type: 'dataset', images: message.images, classes: state.classes, split: 'synthetic', warnings: [] });
      post({ type: 'complete', images: message.images, recomputed: message.images, runKey: `synthetic:${message.images}/grid:${message.grid}` });
      break;
    case 'debug-lose-gpu-device':
      // Test-only; the page sends it only from its `?e2e` hooks (src/app/state/e2e-hooks.ts).
      void destroyGpuDevice();
      break;
  }
};

/** A new run replaces the last one: the running one is cancelled, the finished one's state released. */
function resetRun(): RunControl {
  control?.cancel();
  control = createRunControl();
  state = null;
  dataset = null;
  runKeyInForce = null;
  void textEncoder?.release();
  textEncoder = null;
  return control;
}

async function start(request: Parameters<typeof runInitialization>[0], runControl: RunControl): Promise<void> {
  try {
    const result = await runInitialization(request, runControl, store, post);
    if (result && runControl === control) {
      state = result.state;
      textEncoder = result.textEncoder;
      dataset = { source: result.source, imageFiles: result.imageFiles };
      runKeyInForce = result.runKey;
      classNamesInForce = result.prompts.choice.classNames;
      post({ type: 'prompts', prompts: result.prompts });
      post({ type: 'complete', images: result.images, recomputed: result.recomputed, runKey: result.runKey });
    } else {
      await result?.textEncoder.release();
    }
  } catch (error) {
    post({ type: 'error', message: describeRunFailure(error) });
  }
}

async function setPrompts(choice: Parameters<typeof changePrompts>[3]): Promise<void> {
  const [current, model] = [state, textEncoder];
  if (current && !isSimilarityState(current)) {
    post({ type: 'prompts-error', message: 'a reference cache holds scores, not embeddings: its prompts cannot change' });
    return;
  }
  if (!current || !model) {
    post({ type: 'prompts-error', message: 'no finished run: compute pseudo labels first, then change the prompts' });
    return;
  }
  try {
    const changed = await changePrompts(current, model, store, choice);
    // A run started meanwhile owns the state now; this change belonged to the previous one.
    if (state !== current) return;
    state = changed.state;
    classNamesInForce = choice.classNames;
    post({ type: 'prompts', prompts: changed.message });
  } catch (error) {
    post({ type: 'prompts-error', message: error instanceof Error ? error.message : String(error) });
  }
}

async function query(requestId: number, labQuery: LabQuery): Promise<void> {
  try {
    if (!state || !dataset) throw new Error('no finished run: compute pseudo labels first');
    const { result, transfer } = await answerLabQuery(labRun(state, dataset), labQuery);
    self.postMessage({ type: 'query-result', requestId, result } satisfies FromWorker, { transfer });
  } catch (error) {
    post({ type: 'query-error', requestId, message: error instanceof Error ? error.message : String(error) });
  }
}

/** The finished run as the views' queries see it: with other grids and templates when it has embeddings. */
function labRun(current: LabState, files: NonNullable<typeof dataset>): LabRun {
  const [model, runKey] = [textEncoder, runKeyInForce];
  if (!isSimilarityState(current) || !model || !runKey) return { state: current, ...files };
  const context = { store, runKey, textEncoder: model, classNames: classNamesInForce };
  return {
    state: current,
    ...files,
    derive: (options) => deriveState(current, context, options),
    cachedGrids: () => cachedGrids(store, runKey),
    valSet: (split) => findValSet(store, files.source, runKey, split),
    valCandidates: () => valCandidates(store, runKey),
  };
}

async function listCaches(ref: Parameters<typeof listReferenceCaches>[0]): Promise<void> {
  try {
    post({ type: 'reference-caches', datasetLabel: ref.label, caches: await listReferenceCaches(ref) });
  } catch {
    // Not a VOC folder (yet): the dataset panel reports that when a run starts; no caches to list.
    post({ type: 'reference-caches', datasetLabel: ref.label, caches: [] });
  }
}

async function openCache(request: ReferenceCacheRequest, runControl: RunControl): Promise<void> {
  try {
    const opened = await openReferenceCache(request, post);
    if (runControl !== control) return;
    state = opened.state;
    dataset = { source: opened.source, imageFiles: opened.imageFiles };
    const runKey = `reference-cache:${request.modelPath}/grid:${request.grid}/split:${request.split ?? 'all'}`;
    post({ type: 'complete', images: opened.state.ids.length, recomputed: 0, runKey, fixedScale: opened.state.fixedScale ?? undefined });
  } catch (error) {
    post({ type: 'error', message: describeRunFailure(error) });
  }
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
