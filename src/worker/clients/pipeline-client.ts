import type { QueryResultOf, WorkerQuery } from '../protocol/lab-protocol';
import type { FromWorker, ToWorker } from '../protocol/pipeline-protocol';

/** The page's handle on the pipeline worker: typed messages both ways, and questions with their answers. */
export interface PipelineClient {
  send(message: ToWorker): void;
  subscribe(listener: (message: FromWorker) => void): () => void;
  /** Asks the worker one question; rejects with the worker's message (or an AbortError when `signal` aborts). */
  ask<Q extends WorkerQuery>(query: Q, signal?: AbortSignal): Promise<QueryResultOf<Q['kind']>>;
}

export function createPipelineClient(): PipelineClient {
  const worker = new Worker(new URL('../pipeline-worker.ts', import.meta.url), { type: 'module', name: 'cdul-pipeline' });
  const listeners = new Set<(message: FromWorker) => void>();
  worker.onmessage = (event: MessageEvent<FromWorker>) => listeners.forEach((listener) => listener(event.data));
  worker.onerror = (event) => {
    const message: FromWorker = { type: 'error', message: `the pipeline worker failed: ${event.message}` };
    listeners.forEach((listener) => listener(message));
  };
  const send = (message: ToWorker) => worker.postMessage(message);
  const subscribe = (listener: (message: FromWorker) => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return { send, subscribe, ask: (query, signal) => askOver({ send, subscribe }, query, signal) };
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
