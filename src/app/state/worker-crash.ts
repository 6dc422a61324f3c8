import type { PipelineClient, WorkerCrash } from '../../worker/clients/pipeline-client';
import { reopenCacheFolder } from './cache-folder-journal';
import { startRun } from './run-actions';
import { closeShownRun, isBusy, useRunStatus, type RunStatus } from './run-status-store';
import { refreshStoredProgress } from './stored-progress-refresh';
import { reasonText, type WorkerCrashNotice } from './worker-crash-notice';

/**
 * The pipeline worker died on its own (an uncaught error or an abort inside onnxruntime, out of memory):
 * the client has already started a fresh one (pipeline-client.ts). A computed run that was going is
 * stopped like a pause that restarted the worker — resumable, kept in the run journal so a reload
 * resumes it too —, never failed: its stored chunks are kept and Resume encodes only the rest.
 */
export function installWorkerCrashRecovery(client: PipelineClient): () => void {
  return client.onCrash((crash) => {
    const stopped = crashedRun(useRunStatus.getState(), crash);
    if (!stopped) return void reopenAfterCrash(client, crash);
    if (stopped.phase !== 'paused') return useRunStatus.setState(stopped);
    void stopResumably(stopped);
  });
}

/**
 * The run stops at once; its message follows the store's count: a chunk write in flight when the
 * worker died may have landed after the last progress message.
 */
async function stopResumably({ workerCrash, ...stopped }: Partial<RunStatus>): Promise<void> {
  useRunStatus.setState(stopped);
  const { shown } = useRunStatus.getState();
  await refreshStoredProgress();
  useRunStatus.setState((state) => {
    if (state.shown !== shown || state.phase !== 'paused' || workerCrash?.kind !== 'run-stopped') return {}; // resumed meanwhile
    return { workerCrash: { ...workerCrash, stored: Math.max(workerCrash.stored, state.progress?.done ?? 0) } };
  });
}

/** What a busy run becomes when the worker dies under it; null when no run was busy. */
export function crashedRun(state: RunStatus, crash: WorkerCrash): Partial<RunStatus> | null {
  if (!isBusy(state.phase)) return null;
  // The Cancel asked for is done: the worker holds no run any more.
  if (state.stopping === 'cancel') return { phase: 'cancelled', stage: null, stopping: null, interrupted: false };
  if (state.shown?.kind !== 'computed') {
    // An import or a reference cache being opened: nothing to resume in place; opening it again goes on from what is stored.
    const error = `The pipeline worker stopped unexpectedly (${reasonText(crash.message)}) while the run was opened: open it again.`;
    return { phase: 'failed', stage: null, stopping: null, error };
  }
  const stored = state.progress?.done ?? state.encoding?.fromCache ?? 0;
  const workerCrash: WorkerCrashNotice = {
    kind: 'run-stopped',
    reason: crash.message,
    encoded: state.encoding?.encoded ?? stored,
    stored,
    total: state.progress?.total ?? state.encoding?.total ?? 0,
  };
  return { phase: 'paused', stage: null, stopping: null, interrupted: true, workerCrash };
}

/**
 * No run was going: the views' finished run lived in the dead worker, so it is reopened from the
 * browser cache (nothing is encoded again), or closed when it cannot be (a reference cache's request
 * is not kept); the panel says so without blocking anything.
 */
async function reopenAfterCrash(client: PipelineClient, crash: WorkerCrash): Promise<void> {
  const { phase, shown } = useRunStatus.getState();
  let shownRun: 'reopened' | 'closed' | 'none' = 'none';
  if (phase === 'complete' && shown?.kind === 'computed') {
    startRun(client, shown.request);
    shownRun = 'reopened';
  } else if (phase === 'complete' && shown?.kind === 'cache-folder') {
    await reopenCacheFolder(client);
    shownRun = 'reopened';
  }
  // A reference cache (its request is not kept), or a cache folder its journal could not reopen.
  if (phase === 'complete' && useRunStatus.getState().shown === shown) {
    closeShownRun();
    shownRun = shown ? 'closed' : 'none';
  }
  useRunStatus.setState({ workerCrash: { kind: 'restarted', reason: crash.message, shownRun } });
}
