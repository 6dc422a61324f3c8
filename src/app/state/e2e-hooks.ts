import type { PipelineClient } from '../../worker/clients/pipeline-client';
import type { FromWorker } from '../../worker/protocol/pipeline-protocol';
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
  /** A finished run of synthetic embeddings (no images), e.g. 5,717 to time the views at VOC-train size. */
  syntheticRun(images: number, grid: number): void;
  /** Destroys the training worker's GPUDevice mid-run (the CPU fallback's test). */
  loseTrainingDevice(): void;
}

export const E2E_HOOKS_ENABLED = new URLSearchParams(globalThis.location?.search ?? '').has('e2e');

/** Installs the hooks (when enabled); returns the clean-up, for a React effect. */
export function installE2eHooks(client: PipelineClient, training: TrainingController): () => void {
  if (!E2E_HOOKS_ENABLED) return () => undefined;
  const hooks: E2eHooks = {
    messages: [],
    loseGpuDevice: () => client.send({ type: 'debug-lose-gpu-device' }),
    syntheticRun: (images, grid) => {
      beginRun();
      client.send({ type: 'debug-synthetic-run', images, grid });
    },
    loseTrainingDevice: () => training.debugLoseDevice(),
  };
  (globalThis as { cdulE2e?: E2eHooks }).cdulE2e = hooks;
  return client.subscribe((message) => hooks.messages.push(message));
}
