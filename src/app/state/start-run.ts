import type { RunRequest } from '../../worker/protocol';
import { requestPersistence } from '../../worker/storage/embedding-store';
import { CHUNK_SIZE } from './chunk-size';
import type { PipelineClient } from './pipeline-client';
import { useRunStore } from './run-store';
import { useSelectionStore } from './selection-store';
import { rememberRunInProgress } from './session-store';

/** The run the current selection and prompt choice describe. */
export function currentRunRequest(): RunRequest {
  const selection = useSelectionStore.getState();
  const { promptChoice } = useRunStore.getState();
  return {
    dataset: selection.dataset,
    split: selection.split,
    limit: selection.limit,
    model: selection.model,
    grid: selection.grid,
    promptTemplate: promptChoice.template,
    classNames: promptChoice.classNames,
    preferredProvider: selection.provider,
    chunkSize: CHUNK_SIZE,
  };
}

/** Starts a run and remembers it, so a reload that interrupts it resumes it (see resume-run.ts). */
export function startRun(client: PipelineClient, request: RunRequest = currentRunRequest()): void {
  useRunStore.getState().begin();
  // Asked from the page (a worker cannot): keeps computed embeddings from being evicted.
  void requestPersistence();
  void rememberRunInProgress(request);
  client.send({ type: 'start', request });
}
