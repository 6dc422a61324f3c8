import { create } from 'zustand';
import type { RunRequest } from '../../worker/protocol/pipeline-protocol';
import { followRun, startFollowing, writerGone, type FollowedRun, type FollowMessage } from './followed-run';
import { openFollowChannel, type FollowChannel } from './run-follow-channel';
import { tryLock, waitForLock, type RunLock } from './run-lock';
import { embeddingRunLockName } from './run-lock-name';
import { journalWritten, loadInterruptedRun } from './run-journal';
import { isBusy, setResumeNotice, useRunStatus, type RunStatus } from './run-status-store';

/**
 * One writer per embedding run across the lab's tabs. The tab computing (or resuming) a run holds its
 * Web Lock (run-lock-name.ts) from the start until the run completes, is cancelled or fails, and
 * broadcasts its status; a tab that would start the same run meanwhile — a second tab's resume-on-load,
 * or its Compute button — follows it instead, waiting for the lock. When the writer closes mid-run the
 * browser releases its lock and the follower takes the run over through the resume path (its worker
 * skips every stored chunk); when the writer finishes, the follower reopens the run from the cache.
 */
export interface RunOwnership {
  /** The run another tab computes, as this tab follows it. */
  readonly followed: FollowedRun | null;
  /** The dataset label of a run this tab took over from a tab that closed mid-run. */
  readonly tookOver: string | null;
}

export const useRunOwnership = create<RunOwnership>(() => ({ followed: null, tookOver: null }));

let held: RunLock | null = null;
let claiming: { readonly name: string; readonly owned: Promise<boolean> } | null = null;
let waiting: AbortController | null = null;
/** Counts claims, so a take-over can tell whether the resume path started the run. */
let claims = 0;
let channel: FollowChannel | null = null;
let resumeJournalledRun: () => Promise<void> = async () => undefined;

/** Broadcasts this tab's run, answers followers, and (with `resume`, the resume-on-load path) takes runs over. */
export function installRunOwnership(resume: () => Promise<void>): () => void {
  resumeJournalledRun = resume;
  channel = openFollowChannel(receive);
  const stop = useRunStatus.subscribe(announce);
  return () => {
    stop();
    channel?.close();
    channel = null;
  };
}

/** True when this tab may write `request`'s run (it holds or just took its lock); false: another tab writes it, and this tab follows. */
export function claimRun(request: RunRequest): Promise<boolean> {
  claims++;
  const name = embeddingRunLockName(request);
  if (held?.name === name) return Promise.resolve(true);
  if (claiming?.name === name) return claiming.owned;
  stopFollowing();
  releaseHeld();
  const owned = tryLock(name).then((lock) => {
    claiming = null;
    if (!lock) return follow(name, request.dataset.label), false;
    held = lock;
    useRunOwnership.setState({ followed: null, tookOver: null });
    return true;
  });
  claiming = { name, owned };
  return owned;
}

function follow(name: string, label: string): void {
  useRunOwnership.setState({ followed: startFollowing(name, label), tookOver: null });
  // resume-run.ts said "Resumed" as it asked to start the run: this tab does not run it.
  setResumeNotice(null);
  channel?.post({ type: 'ask', lock: name });
  const controller = new AbortController();
  waiting = controller;
  waitForLock(name, controller.signal).then(
    (lock) => (waiting === controller ? void takeOver(lock) : lock.release()),
    () => undefined, // aborted: this tab started another run
  );
}

/** The writer released the run's lock: it finished, stopped, or closed mid-run. */
async function takeOver(lock: RunLock): Promise<void> {
  waiting = null;
  held = lock;
  const followed = useRunOwnership.getState().followed;
  const journal = await loadInterruptedRun();
  const same = journal !== null && 'request' in journal && embeddingRunLockName(journal.request) === lock.name;
  const finished = !same || journal.finished || followed?.phase === 'complete';
  const before = claims;
  // The journal is what a reload resumes from: a cancelled or failed run is not in it any more.
  if (same) await resumeJournalledRun();
  if (claims === before) {
    // Not started here (cancelled, failed, or a folder whose permission needs a click): the lock goes back.
    if (held === lock) held = null;
    lock.release();
    if (!finished && followed) useRunOwnership.setState({ followed: writerGone(followed) });
    return;
  }
  // Finished there: reopened here from the cache (resume-run.ts says so); else continued here.
  useRunOwnership.setState({ followed: null, tookOver: finished ? null : (followed?.label ?? '') });
  if (!finished) setResumeNotice(null);
}

function stopFollowing(): void {
  waiting?.abort();
  waiting = null;
}

function releaseHeld(): void {
  const lock = held;
  held = null;
  lock?.release();
}

function receive(message: FollowMessage): void {
  if (message.type === 'ask') {
    if (held?.name === message.lock) post(useRunStatus.getState());
    return;
  }
  useRunOwnership.setState((state) => ({ followed: followRun(state.followed, message) }));
}

/** On every change of the run this tab writes: followers hear of it; once it has ended the lock is released. */
function announce(state: RunStatus, previous: RunStatus): void {
  if (!held) return;
  const changed = state.phase !== previous.phase || state.stage !== previous.stage || state.progress !== previous.progress || state.encoding !== previous.encoding;
  if (changed) post(state);
  if (state.phase === previous.phase || isBusy(state.phase)) return;
  const lock = held;
  held = null;
  // The journal first (installRunJournal subscribed before this): a follower woken by the release reads
  // a finished run as finished (it reopens it) and a cancelled or failed one as gone (it leaves it).
  void journalWritten().then(() => lock.release());
}

function post(state: RunStatus): void {
  if (!held) return;
  const label = state.shown?.kind === 'computed' ? state.shown.request.dataset.label : '';
  channel?.post({ type: 'status', lock: held.name, label, phase: state.phase, stage: state.stage, progress: state.progress, encoding: state.encoding });
}

