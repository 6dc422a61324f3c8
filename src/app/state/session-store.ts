import { createStore, del, get, set } from 'idb-keyval';
import type { PromptChoice } from '../../core/clip/prompts';
import type { DatasetRef, ModelRef, RunRequest } from '../../worker/protocol';

/**
 * What the lab remembers across reloads, in its own IndexedDB database (`cdul-session`): the selection
 * (dataset, split, model, grid, subset, backend, prompts) and the run that was going when the page went
 * away. IndexedDB, not localStorage, because a dataset folder is a FileSystemDirectoryHandle, which
 * only structured clone can keep. Files picked through `<input webkitdirectory>` are not kept: the
 * browser would copy every image into the database.
 */
export interface SessionSnapshot {
  readonly dataset: DatasetRef;
  readonly split: string | null;
  readonly model: ModelRef;
  readonly grid: number;
  readonly limit: number | null;
  readonly provider: 'webgpu' | 'wasm';
  readonly promptChoice: PromptChoice;
}

const sessionDb = () => createStore('cdul-session', 'keyval');
let db: ReturnType<typeof sessionDb> | null = null;
const store = () => (db ??= sessionDb());

const SELECTION = 'selection';
const INTERRUPTED_RUN = 'interrupted-run';

/** A dataset or model the browser can open again after a reload (not File objects). */
export function isKeepable(ref: DatasetRef | ModelRef): boolean {
  return ref.kind !== 'files';
}

export async function loadSelection(): Promise<Partial<SessionSnapshot>> {
  return (await get<Partial<SessionSnapshot>>(SELECTION, store()).catch(() => undefined)) ?? {};
}

/** Keeps what can be kept: an uploaded folder or model is left out (the stored one stays). */
export async function saveSelection(snapshot: SessionSnapshot): Promise<void> {
  const kept: Partial<SessionSnapshot> = { ...snapshot };
  if (!isKeepable(snapshot.dataset)) delete (kept as { dataset?: DatasetRef }).dataset;
  if (!isKeepable(snapshot.model)) delete (kept as { model?: ModelRef }).model;
  await set(SELECTION, kept, store()).catch(() => undefined);
}

/**
 * The run in progress, written when it starts; marked finished when it completes (a reload then reopens
 * it from the browser cache, so the views come back), removed when it is cancelled or fails.
 */
export async function rememberRunInProgress(request: RunRequest): Promise<void> {
  const keepable = isKeepable(request.dataset) && isKeepable(request.model);
  await set(INTERRUPTED_RUN, keepable ? request : { unkeepable: request.dataset.label }, store()).catch(() => undefined);
}

export async function markRunFinished(): Promise<void> {
  const value = await get<RunRequest | { unkeepable: string }>(INTERRUPTED_RUN, store()).catch(() => undefined);
  if (value && !('unkeepable' in value)) await set(INTERRUPTED_RUN, { ...value, finished: true }, store()).catch(() => undefined);
  else await forgetRunInProgress();
}

export async function forgetRunInProgress(): Promise<void> {
  await del(INTERRUPTED_RUN, store()).catch(() => undefined);
}

/**
 * The last page's run: its request and whether it had finished, or the label of a folder that cannot be
 * reopened.
 */
export type InterruptedRun = { readonly request: RunRequest; readonly finished: boolean } | { readonly unkeepable: string };

export async function loadInterruptedRun(): Promise<InterruptedRun | null> {
  const value = await get<(RunRequest & { finished?: boolean }) | { unkeepable: string }>(INTERRUPTED_RUN, store()).catch(() => undefined);
  if (!value) return null;
  if ('unkeepable' in value) return value;
  const { finished, ...request } = value;
  return { request, finished: finished === true };
}
