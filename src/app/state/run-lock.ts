/**
 * The Web Locks API (navigator.locks) as the run's owner and its followers use it: a lock is held by
 * one tab at a time and released by the browser when that tab closes or crashes, which is what wakes
 * a tab waiting for it. Lock names: run-lock-name.ts.
 */
export interface RunLock {
  readonly name: string;
  release(): void;
}

const locks = (): LockManager | null => (typeof navigator !== 'undefined' && navigator.locks) || null;

/** Takes the lock when no other tab holds it; null when one does. Without Web Locks every tab owns its runs (as before). */
export function tryLock(name: string): Promise<RunLock | null> {
  const manager = locks();
  if (!manager) return Promise.resolve({ name, release: () => undefined });
  return new Promise((resolve, reject) => {
    manager
      .request(name, { ifAvailable: true }, (lock) => {
        if (!lock) return resolve(null);
        return held(name, resolve);
      })
      .catch(reject);
  });
}

/** Waits until this tab holds the lock (the holder released it or closed); rejects with an AbortError when `signal` aborts first. */
export function waitForLock(name: string, signal: AbortSignal): Promise<RunLock> {
  const manager = locks();
  if (!manager) return new Promise(() => undefined); // no other writer can be told apart: never taken over
  return new Promise((resolve, reject) => {
    manager.request(name, { signal }, () => held(name, resolve)).catch(reject);
  });
}

/** Keeps the lock (the request's callback promise pending) until `release` is called. */
function held(name: string, resolve: (lock: RunLock) => void): Promise<void> {
  return new Promise<void>((release) => resolve({ name, release: () => release() }));
}
