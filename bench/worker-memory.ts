import type { CDPSession, Page } from '@playwright/test';

/** One reading of a worker's memory, in bytes. */
export interface WorkerMemory {
  /** V8's JS heap in use. */
  readonly heapUsed: number;
  /** Backing stores of ArrayBuffers (typed arrays live there, outside the JS heap) and external strings. */
  readonly backingStorage: number;
}

/**
 * A worker's memory read over the Chrome DevTools Protocol: the page's session attaches to its worker
 * whose URL matches `urlPart` and asks `Runtime.getHeapUsage`, which reports the JS heap AND the
 * ArrayBuffer backing stores (where every Float32Array of the lab lives), so both are counted.
 * `HeapProfiler.collectGarbage` first gives what is retained rather than what awaits collection.
 */
export async function watchWorkerMemory(page: Page, urlPart: RegExp): Promise<{ read(collect: boolean): Promise<WorkerMemory>; close(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  // The page's session is told of its workers (those running already too) once it auto-attaches to them.
  const attached = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no worker of this page matches ${urlPart}`)), 30_000);
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type !== 'worker' || !urlPart.test(event.targetInfo.url)) return;
      clearTimeout(timer);
      resolve(event.sessionId);
    });
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const sessionId = await attached;
  const call = messenger(cdp, sessionId);
  return {
    async read(collect) {
      if (collect) await call('HeapProfiler.collectGarbage');
      const usage = (await call('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
      if (usage.backingStorageSize === undefined) throw new Error('this Chromium does not report backingStorageSize: ArrayBuffers would go uncounted');
      return { heapUsed: usage.usedSize, backingStorage: usage.backingStorageSize };
    },
    close: () => cdp.detach(),
  };
}

/** Requests to an attached (non-flattened) target session, answered by id. */
function messenger(cdp: CDPSession, sessionId: string): (method: string) => Promise<unknown> {
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id === undefined) return;
    pending.get(message.id)?.(message.error ? Promise.reject(new Error(message.error.message)) : message.result);
    pending.delete(message.id);
  });
  return (method) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
}
