import type { FileSource } from '../../core/dataset-source';
import { prepareChunk, type ChunkSettings, type PreparedChunk } from '../../core/initialization/prepare-chunk';
import type { DatasetRef } from '../protocol/pipeline-protocol';
import { loadBrowserJpegCodec } from './browser-jpeg-codec';
import { createIdleWorkers, type IdleWorkers } from './idle-workers';
import type { FromPrepareWorker, ToPrepareWorker } from './prepare-protocol';

/** Prepares chunks (read, decode, preprocess) in a pool of workers; requests start in the order made. */
export interface ChunkPreparer {
  prepare(index: number, ids: readonly string[]): Promise<PreparedChunk>;
  /**
   * Gives a chunk's pixel buffer back once it is encoded: the next chunk is written into it, not into
   * a new one (see prepareChunk's `out`). The chunk's pixels must not be used afterwards.
   */
  release(chunk: PreparedChunk): void;
  /** Terminates the workers; whatever is not answered yet rejects. */
  close(): void;
}

export interface ChunkPreparerOptions {
  readonly dataset: DatasetRef;
  /** The dataset's root inside `dataset` ('' when it is the chosen folder): image paths are relative to it. */
  readonly rootPath: string;
  /** The same dataset opened here: used in this thread where no worker can be started. */
  readonly source: FileSource;
  readonly imageFiles: ReadonlyMap<string, string>;
  readonly settings: ChunkSettings;
  readonly workers: number;
  /** Silence (no heartbeat, no answer) after which a busy worker is taken for dead. */
  readonly silenceMs?: number;
  readonly spawn?: (n: number) => Worker;
  /** Where workers of a closed pool wait for the next one (by default this thread's, with the default spawn). */
  readonly idle?: IdleWorkers;
}

interface Job {
  readonly index: number;
  readonly ids: readonly string[];
  resolve(chunk: PreparedChunk): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** One image of 100 MP (the decoder's limit) should take ~15 s (extrapolated from VOC photos): far below this. */
const DEFAULT_SILENCE_MS = 60_000;

const spawnPrepareWorker = (n: number): Worker =>
  new Worker(new URL('./prepare-worker.ts', import.meta.url), { type: 'module', name: `cdul-prepare-${n}` });

/** A minute unused, then gone; as many as a pool of this machine can have. */
let idleWorkers: IdleWorkers | undefined;
const defaultIdleWorkers = () => (idleWorkers ??= createIdleWorkers(60_000, Math.max(1, navigator.hardwareConcurrency || 1)));

export function createChunkPreparer(options: ChunkPreparerOptions): ChunkPreparer {
  const { source, imageFiles, settings } = options;
  if (!options.spawn && typeof Worker === 'undefined') {
    const prepare = async (index: number, ids: readonly string[]) => prepareChunk(source, imageFiles, index, ids, settings, await loadBrowserJpegCodec());
    return { prepare, release: () => {}, close: () => {} };
  }
  const idle = options.idle ?? (options.spawn ? undefined : defaultIdleWorkers());
  return createWorkerPool(options, options.spawn ?? spawnPrepareWorker, idle);
}

function createWorkerPool(options: ChunkPreparerOptions, spawn: (n: number) => Worker, idle: IdleWorkers | undefined): ChunkPreparer {
  const silenceMs = options.silenceMs ?? DEFAULT_SILENCE_MS;
  const open: ToPrepareWorker = { type: 'open', dataset: options.dataset, rootPath: options.rootPath, settings: plainSettings(options.settings) };
  const queue: Job[] = [];
  let slots: Slot[] = [];
  let closed = false;
  // Buffers given back, lent to the next requests. No more are kept than can be in use at once.
  const free: ArrayBuffer[] = [];
  const keepAtMost = Math.max(1, options.workers) + 2;

  const watch = (slot: Slot) => {
    clearTimeout(slot.timer);
    const seconds = Math.round(silenceMs / 1000);
    slot.timer = setTimeout(() => fail(slot, `it sent nothing for ${seconds} s (the browser may have stopped it, e.g. out of memory)`), silenceMs);
  };
  const dispatch = () => {
    for (const slot of slots) {
      const job = slot.job ? undefined : queue.shift();
      if (!job) continue;
      slot.job = job;
      watch(slot);
      const files = chunkFiles(options.imageFiles, job.ids);
      const buffer = free.pop();
      const request: ToPrepareWorker = { type: 'prepare', index: job.index, ids: job.ids, files, buffer };
      slot.worker.postMessage(request, buffer ? [buffer] : []);
    }
  };
  const settle = (slot: Slot, message: FromPrepareWorker) => {
    if (!slots.includes(slot)) return; // a late answer from a worker already given up on
    if (message.type === 'alive') return watch(slot);
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = null;
    if (message.type === 'prepared') job?.resolve(message.chunk);
    else job?.reject(new Error(message.message));
    dispatch();
  };
  /** A dead worker fails its chunk with the reason; with no worker left, every queued chunk fails too. */
  const fail = (slot: Slot, reason: string) => {
    clearTimeout(slot.timer);
    slot.worker.terminate();
    slots = slots.filter((other) => other !== slot);
    const what = slot.job ? `while preparing chunk ${slot.job.index} (images ${describeIds(slot.job.ids)})` : 'while idle';
    const error = new Error(`an image-preparation worker stopped ${what}: ${reason}`);
    slot.job?.reject(error);
    if (slots.length === 0) queue.splice(0).forEach((job) => job.reject(error));
    else dispatch();
  };

  for (let n = 0; n < Math.max(1, options.workers); n++) {
    const slot: Slot = { worker: idle?.take() ?? spawn(n), job: null, timer: undefined };
    listen(slot.worker, (message) => settle(slot, message), (reason) => fail(slot, reason));
    slot.worker.postMessage(open);
    slots.push(slot);
  }

  return {
    prepare(index, ids) {
      return new Promise<PreparedChunk>((resolve, reject) => {
        if (closed) return reject(new Error('image preparation was stopped'));
        if (slots.length === 0) return reject(new Error('no image-preparation worker is left (they stopped)'));
        queue.push({ index, ids, resolve, reject });
        dispatch();
      });
    },
    release(chunk) {
      const { buffer } = chunk.pixels;
      if (!closed && buffer instanceof ArrayBuffer && buffer.byteLength > 0 && free.length < keepAtMost) free.push(buffer);
    },
    close() {
      if (closed) return;
      closed = true;
      const stopped = new Error('image preparation was stopped');
      for (const slot of slots) {
        clearTimeout(slot.timer);
        // One still working (on a huge photo, perhaps) is stopped; an idle one waits for the next run.
        if (slot.job || !idle) slot.worker.terminate();
        else idle.keep(slot.worker);
        slot.job?.reject(stopped);
      }
      slots = [];
      free.length = 0;
      queue.splice(0).forEach((job) => job.reject(stopped));
    },
  };
}

/** Routes a worker's answers to `onMessage`; its crash, or an answer that cannot arrive, to `onDeath`. */
function listen(worker: Worker, onMessage: (message: FromPrepareWorker) => void, onDeath: (reason: string) => void): void {
  worker.onmessage = (event: MessageEvent<FromPrepareWorker>) => onMessage(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault?.(); // reported as the chunk's failure, not also as an uncaught error
    onDeath(event.message || 'its script failed to load or threw outside a request');
  };
  worker.onmessageerror = () => onDeath('its answer could not be received');
}

/** Only this chunk's files: the whole index (11,540 entries for VOC trainval) per request would cost more than the chunk. */
function chunkFiles(imageFiles: ReadonlyMap<string, string>, ids: readonly string[]): [string, string][] {
  return ids.flatMap((id): [string, string][] => (imageFiles.has(id) ? [[id, imageFiles.get(id)!]] : []));
}

/** Only what preprocessing reads: a model config may carry fields a worker needs no copy of. */
function plainSettings(settings: ChunkSettings): ChunkSettings {
  const { inputSize, resizeShortestEdge, cropSize, mean, std } = settings.config;
  return { grid: settings.grid, config: { inputSize, resizeShortestEdge, cropSize, mean, std } };
}

function describeIds(ids: readonly string[]): string {
  if (ids.length === 0) return 'none';
  return ids.length === 1 ? ids[0]! : `${ids[0]} … ${ids[ids.length - 1]}`;
}
