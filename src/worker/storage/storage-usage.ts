/**
 * How much of the site's storage is used, and whether the browser promised to keep it. Without
 * persistence the browser may evict the whole cache under storage pressure, silently; with it, only
 * the user can. Works in a worker too, except asking for persistence (a Window-only API).
 */
export interface StorageUsage {
  /** Bytes used by this site (all its storage, not only the cache), 0 when the browser does not say. */
  readonly usage: number;
  /** Bytes this site may use, 0 when the browser does not say. */
  readonly quota: number;
  readonly persisted: boolean;
}

/** 'unavailable': no StorageManager.persist here (a worker, an old browser, an insecure origin). */
export type PersistenceResult = 'granted' | 'denied' | 'unavailable';

export async function storageUsage(): Promise<StorageUsage> {
  const storage = storageManager();
  if (!storage) return { usage: 0, quota: 0, persisted: false };
  const [estimate, persisted] = await Promise.all([
    storage.estimate(),
    typeof storage.persisted === 'function' ? storage.persisted() : Promise.resolve(false),
  ]);
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
}

let persistence: Promise<PersistenceResult> | undefined;

/**
 * Asks for persistent storage once per page: browsers may show a prompt or decide from site engagement,
 * and asking again does not change their answer. A refusal is not an error; the cache works either way.
 */
export function requestPersistence(): Promise<PersistenceResult> {
  persistence ??= askForPersistence().catch((): PersistenceResult => 'denied');
  return persistence;
}

async function askForPersistence(): Promise<PersistenceResult> {
  const storage = storageManager();
  if (!storage || typeof storage.persist !== 'function') return 'unavailable';
  return (await storage.persist()) ? 'granted' : 'denied';
}

// `navigator.storage` is missing outside secure contexts and in Node; the types claim it always exists.
const storageManager = (): StorageManager | undefined =>
  typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageManager | undefined);
