import { del, get, set, type UseStore } from 'idb-keyval';
import { createYieldingStore } from '../../worker/clients/storage-client';
import type { RunRequest } from '../../worker/protocol/pipeline-protocol';
import { useRunStatus } from './run-status-store';
import { isKeepable } from './selection';

/**
 * The run that was going when the page went away, in IndexedDB (`cdul-session`): written when a run
 * starts, marked finished when it completes (a reload then reopens it from the browser cache, so the
 * views come back), removed when it is cancelled or fails. Files chosen by upload cannot be reopened:
 * only the folder's label is kept, to tell the user to choose it again.
 */
type JournalEntry = (RunRequest & { readonly finished?: boolean }) | { readonly unkeepable: string };

/** The last page's run: its request and whether it had finished, or the label of a folder that cannot be reopened. */
export type InterruptedRun = { readonly request: RunRequest; readonly finished: boolean } | { readonly unkeepable: string };

const ENTRY = 'interrupted-run';
let database: UseStore | null = null;
const store = () => (database ??= createYieldingStore('cdul-session', 'keyval'));

export async function rememberRunInProgress(request: RunRequest): Promise<void> {
  const keepable = isKeepable(request.dataset) && isKeepable(request.model);
  const entry: JournalEntry = keepable ? request : { unkeepable: request.dataset.label };
  await set(ENTRY, entry, store()).catch(() => undefined);
}

export async function forgetRunInProgress(): Promise<void> {
  await del(ENTRY, store()).catch(() => undefined);
}

/**
 * The finished run is what a reload reopens. Written from the run's own request, not read back: the
 * entry written at the start is gone when the site's storage was cleared while the run went on.
 */
async function markRunFinished(request: RunRequest): Promise<void> {
  if (!isKeepable(request.dataset) || !isKeepable(request.model)) return forgetRunInProgress();
  await set(ENTRY, { ...request, finished: true } satisfies JournalEntry, store()).catch(() => undefined);
}

export async function loadInterruptedRun(): Promise<InterruptedRun | null> {
  const entry = await get<JournalEntry>(ENTRY, store()).catch(() => undefined);
  if (!entry) return null;
  if ('unkeepable' in entry) return entry;
  const { finished, ...request } = entry;
  return { request, finished: finished === true };
}

/** The journal's last write at a run's end: another tab may read the journal once it is done (run-ownership.ts). */
let lastWrite: Promise<void> = Promise.resolve();
export const journalWritten = (): Promise<void> => lastWrite;

/** Keeps the journal in step with the run: finished runs are marked, cancelled and failed ones forgotten. */
export function installRunJournal(): () => void {
  return useRunStatus.subscribe((state, previous) => {
    if (state.phase === previous.phase) return;
    // Only a computed run is journalled: a reference cache or synthetic run leaves the last one alone.
    if (state.phase === 'complete' && state.shown?.kind === 'computed') lastWrite = markRunFinished(state.shown.request);
    if (state.phase === 'cancelled' || state.phase === 'failed') lastWrite = forgetRunInProgress();
  });
}
