import { promisifyRequest, type UseStore } from 'idb-keyval';

/**
 * One IndexedDB transaction on an idb-keyval store, for the read-modify-write steps idb-keyval's own
 * helpers (one request each, or blind setMany) cannot express. Resolves after the transaction has
 * COMMITTED, so a caller never reports progress the disk does not have; rejects with the transaction's
 * error (e.g. QuotaExceededError) when it aborts, in which case none of its writes happened.
 */
export function transact<T>(
  useStore: UseStore,
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => Promise<T>,
): Promise<T> {
  return useStore(mode, async (store) => {
    const committed = promisifyRequest(store.transaction);
    // Awaiting requests inside `work` keeps the transaction alive: promise reactions run as microtasks
    // before the transaction may auto-commit, in every current browser.
    let result: T;
    try {
      result = await work(store);
    } catch (error) {
      // A failed check must not let the writes already queued commit.
      abortQuietly(store.transaction);
      committed.catch(() => undefined);
      throw error;
    }
    await committed;
    return result;
  });
}

function abortQuietly(transaction: IDBTransaction): void {
  try {
    transaction.abort();
  } catch {
    // Already finished or aborted: nothing was left to undo.
  }
}

/** One request's result (idb-keyval's promisifyRequest, typed). */
export const request = <T>(req: IDBRequest<T>): Promise<T> => promisifyRequest(req);
