import type { PipelineClient } from '../../worker/clients/pipeline-client';
import { requestPersistence } from '../../worker/clients/storage-client';
import type { ReferenceCacheRequest, RunRequest } from '../../worker/protocol/pipeline-protocol';
import { CHUNK_SIZE } from './chunk-size';
import { useLabStore } from './lab-store';
import { rememberRunInProgress } from './run-journal';
import { beginRun } from './run-status-store';

/** The run the current selection and prompt choice describe. */
export function currentRunRequest(): RunRequest {
  const { dataset, split, limit, model, grid, provider, promptChoice } = useLabStore.getState().selection;
  return {
    dataset,
    split,
    limit,
    model,
    grid,
    promptTemplate: promptChoice.template,
    classNames: promptChoice.classNames,
    preferredProvider: provider,
    chunkSize: CHUNK_SIZE,
  };
}

/** Starts a run and remembers it, so a reload that interrupts it resumes it (see resume-run.ts). */
export function startRun(client: PipelineClient, request: RunRequest = currentRunRequest()): void {
  beginRun();
  // Asked from the page (a worker cannot): keeps computed embeddings from being evicted.
  void requestPersistence();
  void rememberRunInProgress(request);
  client.send({ type: 'start', request });
}

/** Opens a reference reproduction's cache like a finished run (not remembered: a reload reopens the selection's run). */
export function openReferenceCache(client: PipelineClient, request: ReferenceCacheRequest): void {
  beginRun();
  client.send({ type: 'open-reference-cache', request });
}
