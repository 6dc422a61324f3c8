import type { FromWorker, ToWorker } from '../../worker/protocol';

/** The page's handle on the pipeline worker: typed messages both ways. */
export interface PipelineClient {
  send(message: ToWorker): void;
  subscribe(listener: (message: FromWorker) => void): () => void;
}

export function createPipelineClient(): PipelineClient {
  const worker = new Worker(new URL('../../worker/pipeline-worker.ts', import.meta.url), { type: 'module', name: 'cdul-pipeline' });
  const listeners = new Set<(message: FromWorker) => void>();
  worker.onmessage = (event: MessageEvent<FromWorker>) => listeners.forEach((listener) => listener(event.data));
  worker.onerror = (event) => {
    const message: FromWorker = { type: 'error', message: `the pipeline worker failed: ${event.message}` };
    listeners.forEach((listener) => listener(message));
  };
  return {
    send: (message) => worker.postMessage(message),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
