import { ort } from '../../src/worker/inference/ort-web';
import { preparePoolSize } from '../../src/worker/prepare/pool-size';
import { round } from '../measure';
import type { Figures, FromBenchWorker, ToBenchWorker } from './bench-protocol';
import { median, note, ROUNDS } from './bench-setup';
import { openNaivePipeline } from './naive-timing';

/**
 * The `init.*` figures, gathered in the browser for bench/init-bench.ts (which calls
 * window.cdulInitBench() and prints what it returns). Not part of the app: only the bench's own
 * server opens this page.
 */
declare global {
  interface Window {
    cdulInitBench?: () => Promise<Figures>;
  }
}

const WEBGPU_IMAGES = 2; // a software adapter (SwiftShader) takes 0.1–0.3 s per tiny-vit crop

function ask(worker: Worker, request: ToBenchWorker): Promise<Figures> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromBenchWorker>) =>
      event.data.type === 'done' ? resolve(event.data.figures) : reject(new Error(event.data.message));
    worker.onerror = (event) => reject(new Error(`the bench worker failed: ${event.message}`));
    worker.postMessage(request);
  });
}

interface Round {
  readonly pipelineMs: number;
  readonly modelMs: number;
  readonly naiveMs: number;
  readonly naivePrepareMs: number;
  readonly images: number;
  readonly wasmThreads: number;
}

/** Pipeline, model alone and naive, back to back (see ROUNDS). */
async function timeRounds(worker: Worker): Promise<Round[]> {
  const prefix = (label: string) => `cdul-bench-${Date.now()}-${label}`;
  note('warm-up');
  await ask(worker, { type: 'pipeline', databasePrefix: prefix('warm-up'), limit: 16 });
  await ask(worker, { type: 'model-only', provider: 'wasm', limit: null, warmUp: true });
  const naive = await openNaivePipeline(null);
  try {
    const rounds: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const pipeline = await ask(worker, { type: 'pipeline', databasePrefix: prefix(String(r)), limit: null });
      const model = await ask(worker, { type: 'model-only', provider: 'wasm', limit: null, warmUp: false });
      const plain = await naive.pass();
      rounds.push({
        pipelineMs: pipeline.encodingMs as number,
        modelMs: model.ms as number,
        naiveMs: plain.ms,
        naivePrepareMs: plain.prepareMs,
        images: pipeline.images as number,
        wasmThreads: pipeline.wasmThreads as number,
      });
      const ms = (value: number) => `${Math.round(value)} ms`;
      note(`round ${r + 1}/${ROUNDS}: pipeline ${ms(pipeline.encodingMs as number)}, model alone ${ms(model.ms as number)}, naive ${ms(plain.ms)}`);
    }
    return rounds;
  } finally {
    await naive.release();
  }
}

async function webgpuFigures(worker: Worker): Promise<Figures> {
  try {
    const request: ToBenchWorker = { type: 'model-only', provider: 'webgpu', limit: WEBGPU_IMAGES, warmUp: true };
    const passes = [await ask(worker, request), await ask(worker, { ...request, warmUp: false }), await ask(worker, { ...request, warmUp: false })];
    const msPerCrop = median(passes.map((pass) => (pass.ms as number) / (pass.crops as number)));
    return { 'init.webgpu_ms_per_crop': round(msPerCrop, 1), 'init.webgpu_adapter': passes[0]!.adapter ?? 'none' };
  } catch (error) {
    note(`no WebGPU figure: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return { 'init.webgpu_ms_per_crop': null, 'init.webgpu_adapter': 'none' };
  }
}

function roundFigures(rounds: readonly Round[]): Figures {
  const of = (value: (r: Round) => number) => median(rounds.map(value));
  return {
    'init.images_per_s': round(of((r) => r.images / (r.pipelineMs / 1000)), 1),
    'init.pipeline_efficiency': round(of((r) => r.modelMs / r.pipelineMs), 3),
    'init.speedup_vs_naive': round(of((r) => r.naiveMs / r.pipelineMs), 2),
    'init.wasm_threads': rounds[0]!.wasmThreads,
    'init.prepare_workers': preparePoolSize(navigator.hardwareConcurrency),
    'init.pipeline_ms': round(of((r) => r.pipelineMs), 0),
    'init.model_only_ms': round(of((r) => r.modelMs), 0),
    'init.naive_ms': round(of((r) => r.naiveMs), 0),
    'init.naive_prepare_ms': round(of((r) => r.naivePrepareMs), 0),
    'init.naive_wasm_threads': ort.env.wasm.numThreads ?? null,
  };
}

async function runInitBench(): Promise<Figures> {
  const worker = new Worker(new URL('./init-bench-worker.ts', import.meta.url), { type: 'module', name: 'cdul-init-bench' });
  try {
    const rounds = await timeRounds(worker);
    note('model alone on WebGPU');
    const webgpu = await webgpuFigures(worker);
    note('recomputation from stored cosines (5,717 images)');
    const recompute = await ask(worker, { type: 'recompute' });
    return { ...roundFigures(rounds), ...webgpu, ...recompute };
  } finally {
    worker.terminate();
  }
}

window.cdulInitBench = runInitBench;
