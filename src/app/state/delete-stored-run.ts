import { clearComputedEmbeddings, deleteEmbeddingRun } from '../../worker/clients/storage-client';
import { forgetCacheFolder } from './cache-folder-journal';
import { forgetRunInProgress } from './run-journal';
import { closeShownRun, isBusy, useRunStatus } from './run-status-store';

/** Whether `key` is the run the views show (or the one running): deleting it closes it. */
export const isShownRun = (key: string): boolean => useRunStatus.getState().runKey === key;

/**
 * Deletes one stored run of image embeddings. The run the views show is closed first — the views fall
 * back to "no run" and a reload does not reopen (or silently recompute) it; the panel asks before.
 * Refused while a run is going: the run in progress may be writing into it.
 */
export async function deleteStoredRun(key: string): Promise<void> {
  const { phase } = useRunStatus.getState();
  if (isBusy(phase)) throw new Error('a run is going: stop it before deleting stored runs');
  if (isShownRun(key)) await closeRun();
  await deleteEmbeddingRun(key);
}

/** Deletes every stored run of image embeddings; the shown one is closed as above. */
export async function clearStoredRuns(): Promise<void> {
  if (isBusy(useRunStatus.getState().phase)) throw new Error('a run is going: stop it before deleting stored runs');
  // A reference cache (fixedScale set) is not in the store: it stays open.
  const { runKey, fixedScale } = useRunStatus.getState();
  if (runKey !== null && fixedScale === null) await closeRun();
  await clearComputedEmbeddings();
}

async function closeRun(): Promise<void> {
  closeShownRun();
  forgetCacheFolder();
  await forgetRunInProgress();
}
