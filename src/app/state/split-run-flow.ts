import { create } from 'zustand';
import type { PipelineClient } from '../../worker/clients/pipeline-client';
import type { RunRequest } from '../../worker/protocol/pipeline-protocol';
import { useLabStore } from './lab-store';
import { currentRunRequest, startRun } from './run-actions';
import { loadInterruptedRun } from './run-journal';
import { useRunStatus } from './run-status-store';
import { useTrainingStore } from './training-store';

/**
 * The Training view's one-click way to a val set: compute another split of the open run's dataset with
 * its model, grid and subset (the workspace's run flow: stored, resumable, its progress in the run
 * panel), then — for "compute the val split too" — reopen the split the head trains on, from the
 * browser cache. The Training view shows each step while it goes.
 */
export interface SplitRunFlow {
  /** null: nothing going (or the last flow ended: see `error`). */
  readonly step: 'computing' | 'reopening' | null;
  readonly split: string | null;
  /** The split opened again once `split` is computed (null: `split` stays open). */
  readonly reopen: string | null;
  readonly error: string | null;
}

const IDLE: SplitRunFlow = { step: null, split: null, reopen: null, error: null };

export const useSplitRunFlow = create<SplitRunFlow>(() => IDLE);

let unsubscribe: (() => void) | null = null;

export function runOtherSplit(client: PipelineClient, split: string, reopen: string | null): void {
  const base = openRunRequest();
  useSplitRunFlow.setState({ step: 'computing', split, reopen, error: null });
  unsubscribe?.();
  unsubscribe = useRunStatus.subscribe((state, previous) => {
    if (state.phase === previous.phase || !['complete', 'cancelled', 'failed'].includes(state.phase)) return;
    const flow = useSplitRunFlow.getState();
    const ended = state.phase === 'complete' ? null : `${flow.step === 'reopening' ? `reopening split ${flow.reopen}` : `computing split ${flow.split}`} ${state.phase === 'failed' ? `failed: ${state.error ?? 'unknown error'}` : 'was cancelled (its finished images are kept)'}`;
    if (flow.step === 'computing' && flow.reopen !== null) {
      // Cancelled or not, the split trained on comes back.
      useSplitRunFlow.setState({ step: 'reopening', error: ended });
      const reopen = flow.reopen;
      // Once the journal has recorded the end of the computed split's run, or its late write would outlive the reopened run's entry.
      void journalSettled(flow.split).then(() => {
        if (useSplitRunFlow.getState().step === 'reopening') open(client, { ...base, split: reopen });
      });
      return;
    }
    // The "no other split" note belonged to the run before: the form asks again.
    if (state.phase === 'complete') useTrainingStore.setState({ valNote: null });
    finish({ ...IDLE, error: ended ?? flow.error });
  });
  open(client, { ...base, split });
}

export function dismissSplitRunError(): void {
  useSplitRunFlow.setState({ error: null });
}

function open(client: PipelineClient, request: RunRequest): void {
  // The selection follows the run, so the workspace, the URL and a reload agree with what is open.
  useLabStore.getState().select({ split: request.split });
  startRun(client, request);
}

function finish(state: SplitRunFlow): void {
  unsubscribe?.();
  unsubscribe = null;
  useSplitRunFlow.setState(state);
}

/** Waits (a second at most) while the run journal still holds `split`'s run as going (it marks it finished, or forgets it). */
async function journalSettled(split: string | null): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const journal = await loadInterruptedRun();
    if (!journal || !('request' in journal) || journal.request.split !== split || journal.finished) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The open run's own request, else the selection's with the open split. */
function openRunRequest(): RunRequest {
  const { shown, dataset } = useRunStatus.getState();
  if (shown?.kind === 'computed') return shown.request;
  return { ...currentRunRequest(), split: dataset?.split ?? null };
}
