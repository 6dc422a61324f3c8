import type { QueryResultOf, WorkerQuery } from '../protocol/lab-protocol';
import type { FromWorker, ToWorker } from '../protocol/pipeline-protocol';

/** The page's handle on the pipeline worker: typed messages both ways, and questions with their answers. */
export interface PipelineClient {
  send(message: ToWorker): void;
  subscribe(listener: (message: FromWorker) => void): () => void;
  /** Asks the worker one question; rejects with the worker's message (or an AbortError when `signal` aborts). */
  ask<Q extends WorkerQuery>(query: Q, signal?: AbortSignal): Promise<QueryResultOf<Q['kind']>>;
  /**
   * Ends the worker at once and starts a fresh one: onnxruntime's `session.run` cannot be interrupted,
   * so a run stopped mid-chunk is stopped this way. Questions in flight fail with `reason` (the views ask
   * again); subscribers stay; the new worker opens its store and pools when first used. What the old one
   * had stored is kept (a chunk is written in one transaction, so none is half-written).
   */
  restart(reason: string): void;
  /**
   * Called after the worker died on its own (an uncaught error — an abort inside onnxruntime, out of
   * memory — or a message it sent that cannot be read): the client has already restarted it like
   * `restart`, so a listener decides only what the page says and what the run becomes.
   */
  onCrash(listener: (crash: WorkerCrash) => void): () => void;
}

/** A pipeline worker that died on its own: what it said, when it said anything. */
export interface WorkerCrash {
  /** The error event's message (e.g. "Uncaught RuntimeError: Aborted(OOM)"), or null when there was none. */
  readonly message: string | null;
}

/** Questions in flight when the worker died fail with this (the views ask again). */
export const WORKER_CRASHED = 'the pipeline worker stopped unexpectedly';

export function createPipelineClient(): PipelineClient {
  const listeners = new Set<(message: FromWorker) => void>();
  const dispatch = (message: FromWorker) => listeners.forEach((listener) => listener(message));
  /** Questions sent and not answered yet: failed cleanly when the worker is restarted. */
  const pending = new Set<number>();
  const crashListeners = new Set<(crash: WorkerCrash) => void>();
  const spawn = () => {
    const created = new Worker(new URL('../pipeline-worker.ts', import.meta.url), { type: 'module', name: 'cdul-pipeline' });
    created.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'query-result' || message.type === 'query-error') pending.delete(message.requestId);
      dispatch(message);
    };
    created.onerror = (event) => {
      // Handled here: not reported again as the page's own uncaught error.
      event.preventDefault();
      crashed(created, { message: event.message || null });
    };
    created.onmessageerror = () => crashed(created, { message: 'a message from the worker could not be read' });
    return created;
  };
  let worker = spawn();
  const send = (message: ToWorker) => {
    if (message.type === 'query') pending.add(message.requestId);
    worker.postMessage(message);
  };
  const subscribe = (listener: (message: FromWorker) => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  const restart = (reason: string) => {
    worker.terminate();
    worker = spawn();
    const dropped = [...pending];
    pending.clear();
    for (const requestId of dropped) dispatch({ type: 'query-error', requestId, message: reason });
  };
  // A worker that threw may still be running (an uncaught error does not end it) in a state nothing can trust.
  const crashed = (from: Worker, crash: WorkerCrash) => {
    if (from !== worker) return; // a worker already replaced
    restart(WORKER_CRASHED);
    crashListeners.forEach((listener) => listener(crash));
  };
  const onCrash = (listener: (crash: WorkerCrash) => void) => {
    crashListeners.add(listener);
    return () => void crashListeners.delete(listener);
  };
  return { send, subscribe, ask: (query, signal) => askOver({ send, subscribe }, query, signal), restart, onCrash };
}

let nextRequestId = 1;

/** One question over a message channel: a fresh request id, the answer that carries it. */
export function askOver<Q extends WorkerQuery>(
  channel: Pick<PipelineClient, 'send' | 'subscribe'>,
  query: Q,
  signal?: AbortSignal,
): Promise<QueryResultOf<Q['kind']>> {
  const requestId = nextRequestId++;
  return new Promise((resolve, reject) => {
    const stop = channel.subscribe((message) => {
      if ((message.type !== 'query-result' && message.type !== 'query-error') || message.requestId !== requestId) return;
      done();
      if (message.type === 'query-result') resolve(message.result as QueryResultOf<Q['kind']>);
      else reject(new Error(message.message));
    });
    // The worker answers anyway (it cannot be interrupted mid-query); the page just stops waiting.
    const onAbort = () => {
      done();
      reject(new DOMException('the question was withdrawn', 'AbortError'));
    };
    const done = () => {
      stop();
      signal?.removeEventListener('abort', onAbort);
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    channel.send({ type: 'query', requestId, query });
  });
}
