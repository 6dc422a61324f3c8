import type { FromTraining, ToTraining } from '../protocol/training-protocol';

/** The page's handle on the training worker (src/worker/training/training-worker.ts). */
export interface TrainingClient {
  send(message: ToTraining, transfer?: Transferable[]): void;
  subscribe(listener: (message: FromTraining) => void): () => void;
}

export function createTrainingClient(): TrainingClient {
  const worker = new Worker(new URL('../training/training-worker.ts', import.meta.url), { type: 'module', name: 'cdul-training' });
  const listeners = new Set<(message: FromTraining) => void>();
  worker.onmessage = (event: MessageEvent<FromTraining>) => listeners.forEach((listener) => listener(event.data));
  worker.onerror = (event) => {
    const message: FromTraining = { type: 'error', runId: null, message: `the training worker failed: ${event.message}` };
    listeners.forEach((listener) => listener(message));
  };
  return {
    send: (message, transfer = []) => worker.postMessage(message, { transfer }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
