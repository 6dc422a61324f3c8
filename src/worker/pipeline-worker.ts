/// <reference lib="webworker" />
import { openEmbeddingStore } from './storage/embedding-store';
import { runInitialization, type Post } from './pipeline/initialization-run';
import { createRunControl, type RunControl } from './pipeline/run-control';
import { evaluateState, type SimilarityState } from './pipeline/similarity-state';
import type { ToWorker } from './protocol';

/**
 * The pipeline worker: owns the long work (decoding, inference, cache writes) so the page never
 * blocks. One run at a time; settings changes are answered from the last finished run.
 */
const post: Post = (message) => self.postMessage(message);
const store = openEmbeddingStore();
let control: RunControl | null = null;
let state: SimilarityState | null = null;

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      control?.cancel();
      control = createRunControl();
      state = null;
      void start(message.request, control);
      break;
    case 'pause':
      control?.pause();
      break;
    case 'resume':
      control?.resume();
      break;
    case 'cancel':
      control?.cancel();
      break;
    case 'evaluate':
      if (state) post({ type: 'evaluation', evaluation: evaluateState(state, message.settings) });
      break;
  }
};

async function start(request: Parameters<typeof runInitialization>[0], runControl: RunControl): Promise<void> {
  try {
    const result = await runInitialization(request, runControl, store, post);
    if (result && runControl === control) {
      state = result.state;
      post({ type: 'complete', images: result.images, recomputed: result.recomputed, runKey: result.runKey });
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
