/**
 * Runs `task` over `items` with at most `limit` in flight. The first failure (or the caller's abort)
 * stops new starts and aborts the running tasks through the signal they get; the pool settles only after
 * every task has, so nothing (e.g. a cache write) is still running when the caller sees the outcome.
 * Throws the caller's abort reason when it aborted, else the first failure.
 */
export async function runAbortablePool<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  task: (item: T, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  signal?.throwIfAborted();
  const shared = new AbortController();
  const forwardAbort = () => shared.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });
  const failures: unknown[] = [];
  let next = 0;

  async function worker(): Promise<void> {
    while (failures.length === 0 && !shared.signal.aborted && next < items.length) {
      const item = items[next++]!;
      try {
        await task(item, shared.signal);
      } catch (error) {
        failures.push(error);
        shared.abort(error);
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  } finally {
    signal?.removeEventListener('abort', forwardAbort);
  }
  if (signal?.aborted) throw signal.reason;
  if (failures.length > 0) throw failures[0];
}
