/// <reference lib="webworker" />
import type { Figures, FromBenchWorker, ToBenchWorker } from './bench-protocol';
import { timeModelOnly } from './model-timing';
import { timePipeline } from './pipeline-timing';
import { prepareInWorker } from './prepare-in-worker';
import { timePrepareOnly } from './prepare-only-timing';
import { recomputeFigures } from './recompute-timing';

/**
 * The bench's worker: measures in a dedicated worker what the lab runs in its pipeline worker (the
 * run itself, the model alone, settings changes, preparing one photo), one request at a time.
 */
self.onmessage = async (event: MessageEvent<ToBenchWorker>) => {
  try {
    self.postMessage({ type: 'done', figures: await measure(event.data) } satisfies FromBenchWorker);
  } catch (error) {
    self.postMessage({ type: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies FromBenchWorker);
  }
};

async function measure(request: ToBenchWorker): Promise<Figures> {
  switch (request.type) {
    case 'pipeline': {
      const timing = await timePipeline(request.databasePrefix, request.limit);
      return { encodingMs: timing.encodingMs, runMs: timing.runMs, images: timing.images, wasmThreads: timing.wasmThreads, prepareWorkers: timing.prepareWorkers, lookAhead: timing.lookAhead };
    }
    case 'prepare-only':
      return timePrepareOnly(request.limit);
    case 'model-only': {
      const timing = await timeModelOnly(request.provider, request.limit, request.warmUp);
      return { ms: timing.ms, crops: timing.crops, adapter: request.provider === 'webgpu' ? await adapterName() : null };
    }
    case 'recompute':
      return recomputeFigures();
    case 'prepare':
      return prepareInWorker();
  }
}

/** The WebGPU adapter the figure was measured on, as the browser describes it. */
async function adapterName(): Promise<string> {
  const adapter = await navigator.gpu?.requestAdapter();
  if (!adapter) return 'none';
  const { vendor, architecture, device, description } = adapter.info;
  return [description || device, vendor, architecture].filter(Boolean).join(' · ');
}
