import { del, get, set, type UseStore } from 'idb-keyval';
import { createYieldingStore } from '../../worker/clients/storage-client';
import type { PipelineClient } from '../../worker/clients/pipeline-client';
import type { CacheFolderRequest } from '../../worker/protocol/pipeline-protocol';
import { useLabStore } from './lab-store';
import { beginRun, useRunStatus } from './run-status-store';
import { isKeepable, sameDataset, sameModel } from './selection';

/**
 * The cache folder the page had open, in IndexedDB (`cdul-session`, beside the run journal): after a
 * reload it is reopened from the browser's store — without the folder, whose Files are gone — when its
 * dataset can be reopened without asking (the demo, a folder handle whose permission still stands).
 */
const ENTRY = 'open-cache-folder';
let database: UseStore | null = null;
const store = () => (database ??= createYieldingStore('cdul-session', 'keyval'));
/** The request of the cache folder being opened (its key comes with 'complete'). */
let pending: CacheFolderRequest | null = null;

export function noteCacheFolderRequest(request: CacheFolderRequest): void {
  pending = request;
}

/** Another run (computed, a reference cache) replaces the cache folder: a reload must not reopen it. */
export function forgetCacheFolder(): void {
  pending = null;
  void del(ENTRY, store()).catch(() => undefined);
}

/** Remembers a cache folder once it is open; forgets it when its opening fails or is cancelled. */
export function installCacheFolderJournal(): () => void {
  return useRunStatus.subscribe((state, previous) => {
    if (state.phase === previous.phase || !pending) return;
    if (state.phase === 'cancelled' || state.phase === 'failed') forgetCacheFolder();
    if (state.phase !== 'complete' || !state.cacheFolder || !state.runKey) return;
    const { cache: _cache, ...request } = pending;
    if (!isKeepable(request.dataset) || !isKeepable(request.model)) return forgetCacheFolder();
    const entry: CacheFolderRequest = { ...request, cache: null, storedRunKey: state.runKey, cacheLabel: state.cacheFolder.label };
    void set(ENTRY, entry, store()).catch(() => undefined);
  });
}

/** On load: the cache folder open before the reload, for the dataset the page opens with. */
export async function reopenCacheFolder(client: PipelineClient): Promise<void> {
  const entry = await get<CacheFolderRequest>(ENTRY, store()).catch(() => undefined);
  if (!entry) return;
  const request = { ...entry, dataset: sameDataset(entry.dataset), model: sameModel(entry.model) };
  const selected = useLabStore.getState().selection.dataset;
  const same = request.dataset === selected || (request.dataset.kind === 'directory' && selected.kind === 'directory' && request.dataset.label === selected.label);
  if (!same) return;
  const { dataset } = request;
  if (dataset.kind === 'directory' && (await dataset.handle.queryPermission?.({ mode: 'read' })) !== 'granted') return;
  noteCacheFolderRequest(request);
  beginRun({ kind: 'cache-folder', dataset: request.dataset, model: request.model });
  client.send({ type: 'open-cache-folder', request });
}
