import { get, set, del, type UseStore } from 'idb-keyval';
import { createYieldingStore } from '../../worker/clients/storage-client';
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import type { Selection } from './selection';
import type { TrainingForm } from './training-form';

/** What the lab store keeps across reloads. */
export interface PersistedLab {
  readonly selection: Partial<Selection>;
  readonly trainingForm?: Partial<TrainingForm>;
}

const DATABASE = 'cdul-session';

/**
 * The lab store's persistence: one record in IndexedDB (`cdul-session`), written only when what is kept
 * changed (the store changes on every slider move) — from what is stored, or from `defaults` on a first
 * visit, so opening the lab writes nothing. Without IndexedDB (Node, a locked-down browser) nothing is
 * kept and nothing fails. A first visit after the update reads the two older records.
 */
export function labStoreStorage(defaults: () => PersistedLab): PersistStorage<PersistedLab> {
  let database: UseStore | null = null;
  const store = () => (database ??= createYieldingStore(DATABASE, 'keyval'));
  const available = () => typeof indexedDB !== 'undefined';
  let written: PersistedLab | null = null;
  return {
    async getItem(name) {
      if (!available()) return null;
      const value = (await get<StorageValue<PersistedLab>>(name, store()).catch(() => undefined)) ?? (await legacyRecord(store()));
      written = value?.state ?? defaults();
      return value ?? null;
    },
    async setItem(name, value) {
      if (!available() || (written && sameKept(written, value.state))) return;
      written = value.state;
      await set(name, value, store()).catch(() => undefined);
    },
    async removeItem(name) {
      if (available()) await del(name, store()).catch(() => undefined);
    },
  };
}

/** Unchanged when every kept value is equal: plain objects and arrays by content, anything else (a folder handle, a File) by identity. */
function sameKept(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => sameKept(a[key], b[key]));
}

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === Array.prototype;
}

/** The records of the lab before one store held its UI state: the selection (IndexedDB) and the training form (localStorage). */
async function legacyRecord(store: UseStore): Promise<StorageValue<PersistedLab> | undefined> {
  const selection = await get<Partial<Selection>>('selection', store).catch(() => undefined);
  let trainingForm: Partial<TrainingForm> | undefined;
  try {
    trainingForm = (JSON.parse(globalThis.localStorage?.getItem('cdul-training-form') ?? 'null') as { state?: Partial<TrainingForm> } | null)?.state;
  } catch {
    trainingForm = undefined;
  }
  if (!selection && !trainingForm) return undefined;
  return { state: { selection: selection ?? {}, ...(trainingForm ? { trainingForm } : {}) }, version: 1 };
}
