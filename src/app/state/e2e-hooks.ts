import type { PipelineClient } from '../../worker/clients/pipeline-client';
import type { FromWorker, SyntheticRunRef } from '../../worker/protocol/pipeline-protocol';
import { beginRun } from './run-status-store';
import type { TrainingController } from './training-controller';

/**
 * Test-only hooks for the end-to-end tests, installed only when the page URL has `?e2e`:
 * `window.cdulE2e.loseGpuDevice()` makes the worker destroy onnxruntime-web's GPUDevice (a real device
 * loss, to test the WebAssembly fallback; nothing else sends that message), and `messages` records
 * every message of the worker, so a test can read the order of backend changes and progress.
 */
export interface E2eHooks {
  readonly messages: FromWorker[];
  loseGpuDevice(): void;
  /**
   * Makes the pipeline worker throw an uncaught error (as an abort inside onnxruntime would): the page
   * gets the worker's real `error` event and recovers as from a real crash (worker-crash.ts).
   */
  crashPipelineWorker(): void;
  /** A finished run of synthetic embeddings (no images), e.g. 5,717 to time the views at VOC-train size. */
  syntheticRun(images: number, grid: number): void;
  /** Destroys the training worker's GPUDevice mid-run (the CPU fallback's test). */
  loseTrainingDevice(): void;
  /**
   * Writes a synthetic run into the embedding store (IndexedDB) chunk by chunk, as a real run stores
   * it; resolves when written (or rejects with why not, e.g. a full storage).
   */
  storeSyntheticRun(run: SyntheticRunRef, chunkSize: number): Promise<{ readonly runKey: string; readonly writeMs: number }>;
  /**
   * Opens a stored synthetic run like a finished run: its chunks streamed from the store; with
   * `referenceTextSeed` (null: the run's own text) its whole-matrix reference instead.
   */
  openStoredSyntheticRun(run: SyntheticRunRef, referenceTextSeed?: number | null): void;
  /** A prompt change without a text encoder: seeded random text embeddings for the finished run. */
  syntheticPrompts(seed: number): void;
}

export const E2E_HOOKS_ENABLED = new URLSearchParams(globalThis.location?.search ?? '').has('e2e');

/** Installs the hooks (when enabled); returns the clean-up, for a React effect. */
export function installE2eHooks(client: PipelineClient, training: TrainingController): () => void {
  if (!E2E_HOOKS_ENABLED) return () => undefined;
  const hooks: E2eHooks = {
    messages: [],
    loseGpuDevice: () => client.send({ type: 'debug-lose-gpu-device' }),
    crashPipelineWorker: () => client.send({ type: 'debug-crash', message: 'a crash injected by the end-to-end test' }),
    syntheticRun: (images, grid) => {
      beginRun();
      client.send({ type: 'debug-synthetic-run', images, grid });
    },
    loseTrainingDevice: () => training.debugLoseDevice(),
    storeSyntheticRun: (run, chunkSize) =>
      new Promise((resolve, reject) => {
        const stop = client.subscribe((message) => {
          if (message.type !== 'debug-synthetic-stored') return;
          stop();
          if (message.error === null) resolve({ runKey: message.runKey, writeMs: message.writeMs });
          else reject(new Error(message.error));
        });
        client.send({ type: 'debug-store-synthetic-run', run, chunkSize });
      }),
    openStoredSyntheticRun: (run, referenceTextSeed) => {
      beginRun();
      client.send({ type: 'debug-open-synthetic-run', run, ...(referenceTextSeed !== undefined ? { reference: { textSeed: referenceTextSeed } } : {}) });
    },
    syntheticPrompts: (seed) => client.send({ type: 'debug-synthetic-prompts', seed }),
  };
  (globalThis as { cdulE2e?: E2eHooks }).cdulE2e = hooks;
  return client.subscribe((message) => hooks.messages.push(message));
}
