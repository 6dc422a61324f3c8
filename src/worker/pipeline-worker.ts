/// <reference lib="webworker" />
import type { PromptChoice } from '../core/clip/prompts';
import { describeLayout } from '../core/datasets/layout-splits';
import { useCosineEngine } from './cosines/cosine-engine';
import { lazyCosinePool } from './cosines/cosine-pool';
import { destroyGpuDevice } from './inference/gpu-device-loss';
import { labRunOf, type FinishedRun } from './lab/finished-run';
import { answerLabQuery } from './lab/lab-session';
import { handleSyntheticMessage, type WorkerRunSlot } from './lab/synthetic-messages';
import { runInitialization, type Post } from './pipeline/initialization-run';
import { changePrompts } from './pipeline/prompt-change';
import { openCacheFolderRun } from './pipeline/cache-folder-run';
import { sourceOfRef } from './pipeline/open-dataset';
import { listReferenceCaches, openReferenceCache } from './pipeline/reference-cache-run';
import { createRunControl, type RunControl } from './pipeline/run-control';
import { describeRunFailure } from './pipeline/run-failure';
import { isSimilarityState } from './pipeline/similarity-state';
import type { WorkerQuery, WorkerQueryResult } from './protocol/lab-protocol';
import type { CacheFolderRequest, FromWorker, ReferenceCacheRequest, RunRequest, ToWorker } from './protocol/pipeline-protocol';
import { openEmbeddingStore } from './storage/embedding-store';

/**
 * The pipeline worker: owns the long work (decoding, inference, cache writes) so the page never
 * blocks. One run at a time; the views' queries are answered from the last finished run.
 */
const post: Post = (message) => self.postMessage(message);
const store = openEmbeddingStore();
// Cosines (a run's assembly, a prompt change, another grid) on every core; the workers start on first use.
useCosineEngine(lazyCosinePool(navigator.hardwareConcurrency || 1));
/** The run in progress (pause, resume, cancel go to it). */
let control: RunControl | null = null;
/** The run the views show, replaced whole (see FinishedRun). */
let finished: FinishedRun | null = null;
/** Prompt changes run one after another, so the last one asked for is the one in force. */
let promptQueue: Promise<void> = Promise.resolve();
/** The run slot as the test-only synthetic runs see it. */
const slot: WorkerRunSlot = {
  store,
  post,
  get finished() {
    return finished;
  },
  reset: () => resetRun(),
  isCurrent: (runControl) => runControl === control,
  finish: (run) => {
    finished = run;
  },
};

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
    case 'open-reference-cache':
      void openCache(message.request, resetRun());
      break;
    case 'open-cache-folder':
      void openCacheFolder(message.request, resetRun());
      break;
    case 'query':
      void query(message.requestId, message.query);
      break;
    case 'set-prompts':
      promptQueue = promptQueue.then(() => setPrompts(message.choice));
      break;
    case 'debug-synthetic-run':
    case 'debug-store-synthetic-run':
    case 'debug-open-synthetic-run':
      // Test/benchmark-only, sent only by the page's `?e2e` hooks (lab/synthetic-messages.ts).
      void handleSyntheticMessage(message, slot);
      break;
    case 'debug-synthetic-prompts':
      promptQueue = promptQueue.then(() => handleSyntheticMessage(message, slot));
      break;
    case 'debug-lose-gpu-device':
      // Test-only; the page sends it only from its `?e2e` hooks (src/app/state/e2e-hooks.ts).
      void destroyGpuDevice();
      break;
    case 'debug-crash':
      // Test-only (`?e2e` hooks): uncaught, so the page gets the worker's real `error` event mid-run.
      throw new Error(message.message);
  }
};

/** A new run replaces the last one: the running one is cancelled, the finished one released. */
function resetRun(): RunControl {
  control?.cancel();
  control = createRunControl();
  void finished?.textEncoder?.release();
  finished = null;
  return control;
}

async function start(request: RunRequest, runControl: RunControl): Promise<void> {
  // A run replaced by another (Resume on another backend restarts it) says nothing more: not even 'cancelled'.
  const post: Post = (message) => {
    if (runControl === control) self.postMessage(message);
  };
  try {
    const result = await runInitialization(request, runControl, store, post);
    if (!result || runControl !== control) {
      await result?.textEncoder.release();
      return;
    }
    const { state, source, imageFiles, textEncoder, runKey, prompts, promptNames, loadSplit } = result;
    finished = { state, source, imageFiles, textEncoder, storeKey: runKey, classNames: prompts.choice.classNames, promptNames, loadSplit };
    post({ type: 'prompts', prompts });
    post({ type: 'complete', images: result.images, recomputed: result.recomputed, runKey });
  } catch (error) {
    post({ type: 'error', message: describeRunFailure(error) });
  }
}

async function setPrompts(choice: PromptChoice): Promise<void> {
  const current = finished;
  if (current && !isSimilarityState(current.state)) {
    post({ type: 'prompts-error', message: 'a reference cache holds scores, not embeddings: its prompts cannot change' });
    return;
  }
  if (!current?.textEncoder || !isSimilarityState(current.state)) {
    post({ type: 'prompts-error', message: current?.promptsUnavailable ?? 'no finished run: compute pseudo labels first, then change the prompts' });
    return;
  }
  try {
    const changed = await changePrompts(current.state, current.textEncoder, store, choice, current.promptNames);
    // A run started meanwhile owns the worker now; this change belonged to the previous one.
    if (finished !== current) return;
    finished = { ...current, state: changed.state, classNames: choice.classNames };
    post({ type: 'prompts', prompts: changed.message });
  } catch (error) {
    post({ type: 'prompts-error', message: error instanceof Error ? error.message : String(error) });
  }
}

async function query(requestId: number, asked: WorkerQuery): Promise<void> {
  try {
    const { result, transfer } = await answer(asked);
    self.postMessage({ type: 'query-result', requestId, result } satisfies FromWorker, { transfer });
  } catch (error) {
    post({ type: 'query-error', requestId, message: error instanceof Error ? error.message : String(error) });
  }
}

async function answer(asked: WorkerQuery): Promise<{ readonly result: WorkerQueryResult; readonly transfer: Transferable[] }> {
  if (asked.kind === 'reference-caches') {
    // Not a VOC folder (yet): no caches to list; the dataset panel reports that when a run starts.
    const caches = await listReferenceCaches(asked.dataset).catch(() => []);
    return { result: { kind: 'reference-caches', caches }, transfer: [] };
  }
  if (asked.kind === 'dataset-layout') {
    const layout = await describeLayout(sourceOfRef(asked.dataset), asked.format === 'auto' ? undefined : asked.format);
    return { result: { kind: 'dataset-layout', layout }, transfer: [] };
  }
  if (!finished) throw new Error('no finished run: compute pseudo labels first');
  return answerLabQuery(labRunOf(finished, store), asked);
}

async function openCache(request: ReferenceCacheRequest, runControl: RunControl): Promise<void> {
  try {
    const opened = await openReferenceCache(request, post);
    if (runControl !== control) return;
    finished = { state: opened.state, source: opened.source, imageFiles: opened.imageFiles, textEncoder: null, storeKey: null, classNames: {} };
    const runKey = `reference-cache:${request.modelPath}/grid:${request.grid}/split:${request.split ?? 'all'}`;
    post({ type: 'complete', images: opened.state.ids.length, recomputed: 0, runKey, fixedScale: opened.state.fixedScale ?? undefined });
  } catch (error) {
    post({ type: 'error', message: describeRunFailure(error) });
  }
}

async function openCacheFolder(request: CacheFolderRequest, runControl: RunControl): Promise<void> {
  try {
    const opened = await openCacheFolderRun(request, runControl, store, post);
    if (!opened || runControl !== control) {
      await opened?.run.textEncoder?.release();
      return;
    }
    finished = opened.run;
    post({ type: 'prompts', prompts: opened.prompts });
    post({ type: 'complete', images: opened.images, recomputed: 0, runKey: opened.runKey, cacheFolder: opened.summary });
  } catch (error) {
    post({ type: 'error', message: describeRunFailure(error) });
  }
}
