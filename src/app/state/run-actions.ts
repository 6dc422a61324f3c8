import type { PipelineClient } from '../../worker/clients/pipeline-client';
import { requestPersistence } from '../../worker/clients/storage-client';
import type { DatasetRef, ReferenceCacheRequest, RunRequest } from '../../worker/protocol/pipeline-protocol';
import { forgetCacheFolder, noteCacheFolderRequest } from './cache-folder-journal';
import { CHUNK_SIZE } from './chunk-size';
import { datasetChoiceOf } from './dataset-choice';
import { useLabStore } from './lab-store';
import { forgetRunInProgress, rememberRunInProgress } from './run-journal';
import { claimRun } from './run-ownership';
import { beginRun, closeShownRun } from './run-status-store';

/** The run the current selection and prompt choice describe. */
export function currentRunRequest(): RunRequest {
  const { dataset, split, datasetForm, limit, model, grid, provider, promptChoice } = useLabStore.getState().selection;
  return {
    dataset,
    split,
    ...datasetChoiceOf(datasetForm),
    limit,
    model,
    grid,
    promptTemplate: promptChoice.template,
    classNames: promptChoice.classNames,
    preferredProvider: provider,
    chunkSize: CHUNK_SIZE,
  };
}

/**
 * Starts a run and remembers it, so a reload that interrupts it resumes it (see resume-run.ts) — when
 * no other tab writes the same run; otherwise this tab follows that tab's run (run-ownership.ts).
 */
export function startRun(client: PipelineClient, request: RunRequest = currentRunRequest()): void {
  beginRun({ kind: 'computed', request });
  forgetCacheFolder();
  void claimRun(request).then((owned) => (owned ? sendRun(client, request) : closeShownRun()));
}

function sendRun(client: PipelineClient, request: RunRequest): void {
  // Asked from the page (a worker cannot): keeps computed embeddings from being evicted.
  void requestPersistence();
  void rememberRunInProgress(request);
  client.send({ type: 'start', request });
}

/**
 * Opens a reference reproduction's cache like a finished run (not remembered: a reload reopens the
 * selection's run); `clip` is its model as the cache names it (RN50x64), for the views' title line.
 */
export function openReferenceCache(client: PipelineClient, request: ReferenceCacheRequest, clip: string): void {
  beginRun({ kind: 'reference-cache', dataset: request.dataset, split: request.split, clip, grid: request.grid });
  forgetCacheFolder();
  client.send({ type: 'open-reference-cache', request });
}

/**
 * Opens a `cdul cache` output folder next to the selected dataset like a finished run: the worker
 * imports its embeddings into the browser's store (stored, so opening it again reads no .npy). Not
 * journalled as a computed run (a reload must not reopen the run before it), but as a cache folder
 * (cache-folder-journal.ts).
 */
export function openCacheFolder(client: PipelineClient, cache: DatasetRef): void {
  const { split: _split, limit: _limit, grid: _grid, promptTemplate: _template, classNames: _names, preferredProvider: _provider, ...choice } = currentRunRequest();
  const request = { ...choice, cache };
  beginRun({ kind: 'cache-folder', dataset: request.dataset, model: request.model });
  void requestPersistence();
  void forgetRunInProgress();
  noteCacheFolderRequest(request);
  client.send({ type: 'open-cache-folder', request });
}
