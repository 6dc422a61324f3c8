import type { PipelineClient } from '../../worker/clients/pipeline-client';
import { useLabStore } from './lab-store';
import { startRun } from './run-actions';
import { forgetRunInProgress } from './run-journal';
import { isBusy, receiveRunMessage, useRunStatus } from './run-status-store';
import { refreshStoredProgress } from './stored-progress-refresh';

/**
 * Cancel and Pause answer at once. The worker stops by itself only between two parts of a chunk (a
 * `session.run` cannot be interrupted: on a software GPU one part took minutes), so when it has not
 * stopped within STOP_GRACE_MS the page restarts it (pipeline-client.ts): the chunks already stored
 * stay, the chunk in progress is encoded again when the run resumes.
 */
export const STOP_GRACE_MS = 600;

export function cancelRun(client: PipelineClient): void {
  const { phase, stopping, interrupted } = useRunStatus.getState();
  if (!isBusy(phase) || stopping === 'cancel') return;
  useRunStatus.setState({ stopping: 'cancel' });
  // From this click on, a reload must not resume it.
  void forgetRunInProgress();
  if (interrupted) return receiveRunMessage({ type: 'cancelled' }); // the worker holds no run any more
  client.send({ type: 'cancel' });
  stopWithin(client, 'cancel');
}

export function pauseRun(client: PipelineClient): void {
  const { phase, stopping, shown } = useRunStatus.getState();
  if (phase !== 'running' || stopping) return;
  useRunStatus.setState({ stopping: 'pause' });
  client.send({ type: 'pause' });
  // A computed run is restarted to pause it; an import (no model, quick chunks) pauses by itself.
  if (shown?.kind === 'computed') stopWithin(client, 'pause');
}

/**
 * Resume: the paused run goes on in the worker when it is still there on the backend "Run on" names;
 * otherwise (restarted to pause it, or another backend chosen) it starts again on that backend, skipping
 * every stored chunk.
 */
export function resumeRun(client: PipelineClient): void {
  const { phase, shown, interrupted } = useRunStatus.getState();
  if (phase !== 'paused') return;
  const provider = useLabStore.getState().selection.provider;
  const request = shown?.kind === 'computed' ? shown.request : null;
  if (request && (interrupted || request.preferredProvider !== provider)) {
    startRun(client, { ...request, preferredProvider: provider });
    return;
  }
  client.send({ type: 'resume' });
  useRunStatus.setState({ phase: 'running' });
}

/** Stops the run on the backend the offer names, and starts it again there (stored chunks are kept and skipped). */
export function switchBackend(client: PipelineClient, provider: 'webgpu' | 'wasm'): void {
  const { shown } = useRunStatus.getState();
  useLabStore.getState().select({ provider });
  if (shown?.kind !== 'computed') return;
  // Restarted without waiting: the run in progress is superseded, its last chunk encoded again.
  client.restart('the run was restarted on another backend');
  startRun(client, { ...shown.request, preferredProvider: provider });
}

function stopWithin(client: PipelineClient, kind: 'cancel' | 'pause'): void {
  setTimeout(() => {
    if (useRunStatus.getState().stopping !== kind) return; // it stopped by itself
    client.restart(kind === 'cancel' ? 'the run was cancelled' : 'the run was paused');
    if (kind === 'cancel') receiveRunMessage({ type: 'cancelled' });
    else {
      useRunStatus.setState({ phase: 'paused', stopping: null, stage: null, interrupted: true });
      // A chunk write in flight at the restart may land after the last progress message.
      void refreshStoredProgress();
    }
  }, STOP_GRACE_MS);
}
