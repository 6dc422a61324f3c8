import { promisifyRequest, type UseStore } from 'idb-keyval';

/**
 * idb-keyval's `createStore`, plus what a lab left open for hours needs when its database is deleted
 * under it (another tab's "clear site data" or `indexedDB.deleteDatabase`, eviction under pressure):
 * - on `versionchange` the connection closes, so the deletion is not blocked for as long as the lab
 *   stays open (idb-keyval keeps it open, and the other tab's delete would wait forever);
 * - the next use opens the database again, which creates it empty (callers see missing records, the
 *   state they already handle, never a closed connection);
 * - a transaction asked for on a connection that closed in between is retried once on a new one.
 */
export function createYieldingStore(dbName: string, storeName: string): UseStore {
  let connection: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> => {
    if (connection) return connection;
    const openRequest = indexedDB.open(dbName);
    openRequest.onupgradeneeded = () => openRequest.result.createObjectStore(storeName);
    const opened = promisifyRequest(openRequest);
    const forget = () => {
      if (connection === opened) connection = undefined;
    };
    connection = opened;
    opened.then((db) => {
      db.onversionchange = () => {
        db.close();
        forget();
      };
      db.onclose = forget; // closed by the browser (storage cleared from its settings)
    }, forget);
    return opened;
  };
  const transaction = async (mode: IDBTransactionMode): Promise<IDBTransaction> => {
    for (let attempt = 0; ; attempt++) {
      const db = await open();
      try {
        return db.transaction(storeName, mode);
      } catch (error) {
        // InvalidStateError: this connection closed after it was handed out; open a new one once.
        if (attempt > 0 || !(error instanceof DOMException && error.name === 'InvalidStateError')) throw error;
        if (connection) connection = undefined;
      }
    }
  };
  return async (mode, callback) => callback((await transaction(mode)).objectStore(storeName));
}
