import { ort } from '../../src/worker/inference/ort-web';
import { round } from '../measure';
import type { Figures, FromBenchWorker, ToBenchWorker } from './bench-protocol';
import { median, note, ROUNDS } from './bench-setup';
import { openNaivePipeline } from './naive-timing';
import type { ToPeerWorker } from './transformersjs-worker';

/**
 * The `init.*` figures, gathered in the browser for bench/init-bench.ts (which calls
 * window.cdulInitBench() and prints what it returns). Not part of the app: only the bench's own
 * server opens this page.
 */
declare global {
  interface Window {
    /** `hubUrl`: the bench's local hub server, where transformers.js finds tiny-vit. */
    cdulInitBench?: (hubUrl: string) => Promise<Figures>;
  }
}

const WEBGPU_IMAGES = 2; // a software adapter (SwiftShader) takes 0.1–0.3 s per tiny-vit crop

function ask(worker: Worker, request: ToBenchWorker | ToPeerWorker): Promise<Figures> {
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
  readonly prepareOnlyMs: number;
  readonly naiveMs: number;
  readonly naivePrepareMs: number;
  readonly peerMs: number;
  readonly peerModelMs: number;
  readonly images: number;
  readonly wasmThreads: number;
  readonly prepareWorkers: number;
  readonly lookAhead: number;
}

/** The peer in its own worker, with the lab's thread count; its figures that do not depend on timing. */
async function openPeer(hubUrl: string, threads: number): Promise<{ worker: Worker; figures: Figures }> {
  const worker = new Worker(new URL('./transformersjs-worker.ts', import.meta.url), { type: 'module', name: 'cdul-bench-transformersjs' });
  const opened = await ask(worker, { type: 'open', hubUrl, threads });
  note('transformers.js: its crops against Pillow’s');
  const crops = await ask(worker, { type: 'crops' });
  await ask(worker, { type: 'pass', limit: 4 }); // warm-up
  const figures = { 'init.peer_transformersjs_version': opened.version!, 'init.peer_transformersjs_onnxruntime': opened.onnxRuntime!, ...crops };
  return { worker, figures };
}

/** Pipeline, model alone, prepare side alone, naive and transformers.js, back to back (see ROUNDS). */
async function timeRounds(worker: Worker, hubUrl: string): Promise<{ rounds: Round[]; peer: Figures }> {
  const prefix = (label: string) => `cdul-bench-${Date.now()}-${label}`;
  note('warm-up');
  const warmUp = await ask(worker, { type: 'pipeline', databasePrefix: prefix('warm-up'), limit: 16 });
  await ask(worker, { type: 'model-only', provider: 'wasm', limit: null, warmUp: true });
  await ask(worker, { type: 'prepare-only', limit: 16 });
  const naive = await openNaivePipeline(null);
  const peer = await openPeer(hubUrl, warmUp.wasmThreads as number);
  try {
    const rounds: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const pipeline = await ask(worker, { type: 'pipeline', databasePrefix: prefix(String(r)), limit: null });
      const model = await ask(worker, { type: 'model-only', provider: 'wasm', limit: null, warmUp: false });
      const prepareOnly = await ask(worker, { type: 'prepare-only', limit: null });
      const plain = await naive.pass();
      const peerPass = await ask(peer.worker, { type: 'pass', limit: null });
      rounds.push({
        pipelineMs: pipeline.encodingMs as number,
        modelMs: model.ms as number,
        prepareOnlyMs: prepareOnly.ms as number,
        naiveMs: plain.ms,
        naivePrepareMs: plain.prepareMs,
        peerMs: peerPass.ms as number,
        peerModelMs: peerPass.modelMs as number,
        images: pipeline.images as number,
        wasmThreads: pipeline.wasmThreads as number,
        prepareWorkers: pipeline.prepareWorkers as number,
        lookAhead: pipeline.lookAhead as number,
      });
      const ms = (value: unknown) => `${Math.round(value as number)} ms`;
      note(
        `round ${r + 1}/${ROUNDS}: pipeline ${ms(pipeline.encodingMs)}, model alone ${ms(model.ms)}, prepare alone ${ms(prepareOnly.ms)}, ` +
          `naive ${ms(plain.ms)}, transformers.js ${ms(peerPass.ms)}`,
      );
    }
    return { rounds, peer: peer.figures };
  } finally {
    peer.worker.terminate();
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

/**
 * Medians over the rounds of each round's ratio (both sides measured under the same load).
 * init.overlap_efficiency: the least time the pipeline could take if it hid the smaller side
 * entirely — the model alone, or one worker's prepare time shared by the pool — ÷ its time.
 */
function roundFigures(rounds: readonly Round[]): Figures {
  const of = (value: (r: Round) => number) => median(rounds.map(value));
  const { wasmThreads, prepareWorkers, lookAhead } = rounds[0]!;
  return {
    'init.images_per_s': round(of((r) => r.images / (r.pipelineMs / 1000)), 1),
    'init.overlap_efficiency': round(of((r) => Math.max(r.modelMs, r.prepareOnlyMs / r.prepareWorkers) / r.pipelineMs), 3),
    'init.speedup_vs_naive': round(of((r) => r.naiveMs / r.pipelineMs), 2),
    'init.pipeline_efficiency': round(of((r) => r.modelMs / r.pipelineMs), 3),
    'init.backend': `wasm, ${wasmThreads} thread${wasmThreads === 1 ? '' : 's'}`,
    'init.wasm_threads': wasmThreads,
    'init.prepare_workers': prepareWorkers,
    'init.look_ahead': lookAhead,
    'init.pipeline_ms': round(of((r) => r.pipelineMs), 0),
    'init.model_only_ms': round(of((r) => r.modelMs), 0),
    'init.prepare_only_ms': round(of((r) => r.prepareOnlyMs), 0),
    'init.naive_ms': round(of((r) => r.naiveMs), 0),
    'init.naive_prepare_ms': round(of((r) => r.naivePrepareMs), 0),
    'init.naive_wasm_threads': ort.env.wasm.numThreads ?? null,
    'init.peer_transformersjs_images_per_s': round(of((r) => r.images / (r.peerMs / 1000)), 1),
    'init.speedup_vs_transformersjs': round(of((r) => r.peerMs / r.pipelineMs), 2),
    'init.peer_transformersjs_ms': round(of((r) => r.peerMs), 0),
    'init.peer_transformersjs_model_ms': round(of((r) => r.peerModelMs), 0),
    'init.peer_transformersjs_wasm_threads': wasmThreads,
  };
}

async function runInitBench(hubUrl: string): Promise<Figures> {
  const worker = new Worker(new URL('./init-bench-worker.ts', import.meta.url), { type: 'module', name: 'cdul-init-bench' });
  try {
    note('preparing one photo (decode + 10 crops) in a worker');
    const prepare = await ask(worker, { type: 'prepare' });
    const { rounds, peer } = await timeRounds(worker, hubUrl);
    note('model alone on WebGPU');
    const webgpu = await webgpuFigures(worker);
    note('recomputation from stored cosines (5,717 images)');
    const recompute = await ask(worker, { type: 'recompute' });
    return { ...prepare, ...roundFigures(rounds), ...peer, ...webgpu, ...recompute };
  } finally {
    worker.terminate();
  }
}

window.cdulInitBench = runInitBench;
