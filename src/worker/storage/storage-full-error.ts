import { storageUsage } from './storage-usage';

/**
 * The site's storage quota is used up. Thrown by every write of the embedding store in place of the
 * browser's QuotaExceededError; the write that failed was one transaction, so it changed nothing and
 * all earlier chunks are still there to resume from.
 */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';

  constructor(
    /** Bytes used and available to this site, when the browser says (navigator.storage.estimate()). */
    readonly usage: number | undefined,
    readonly quota: number | undefined,
    options?: { cause?: unknown },
  ) {
    const used = usage !== undefined && quota !== undefined ? ` (${megabytes(usage)} used of ${megabytes(quota)})` : '';
    super(`the browser's storage for this site is full${used}: free space or clear old runs; everything computed so far is kept`, options);
  }
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

/**
 * True for a quota failure however it arrives: the DOMException itself (name 'QuotaExceededError', or
 * legacy code 22), or wrapped as an error's `cause`, an aborted request's / transaction's `error`, or
 * an error event's `target`. Chromium reports an IndexedDB quota failure as the transaction's error.
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  // Older Firefox names it NS_ERROR_DOM_QUOTA_REACHED.
  if ('name' in error && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')) return true;
  if (error instanceof DOMException && error.code === 22) return true;
  // An Event's target is the failed request or transaction, whose `error` is the DOMException.
  return ['cause', 'error', 'target'].some((property) => {
    const wrapped = readProperty(error, property);
    return wrapped !== error && isQuotaExceeded(wrapped, depth + 1);
  });
}

// IDBRequest.error throws while the request is pending; a getter that throws is simply not a wrapper.
function readProperty(object: object, property: string): unknown {
  try {
    return property in object ? (object as Record<string, unknown>)[property] : undefined;
  } catch {
    return undefined;
  }
}

/** Runs a write and turns a quota failure into a StorageFullError that says how full the storage is. */
export async function mapQuotaErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isQuotaExceeded(error)) throw error;
    const usage = await storageUsage().catch(() => undefined);
    // A quota of 0 means the browser did not say: better no numbers than "0 MB used of 0 MB".
    const known = usage && usage.quota > 0 ? usage : undefined;
    throw new StorageFullError(known?.usage, known?.quota, { cause: error });
  }
}
