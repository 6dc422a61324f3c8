import { createMatrix, type Matrix } from '../../core/types';
import { inlineCosines, type CosineEngine } from './cosine-engine';
import type { FromCosineWorker, ToCosineWorker } from './cosine-protocol';

interface Job {
  readonly rows: number;
  readonly classes: number;
  resolve(cosines: Matrix): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  readonly jobs: Map<number, Job>;
  /** The text embeddings this worker holds. */
  textVersion: number;
}

const spawnCosineWorker = (n: number): Worker =>
  new Worker(new URL('./cosine-worker.ts', import.meta.url), { type: 'module', name: `cdul-cosines-${n}` });

/**
 * A pool of `size` cosine workers: a prompt change at COCO-train size is ~34 billion multiply-adds
 * (745,047 snippet rows × 80 classes × 512-d, in float64 as cosineSimilarities does them), which one
 * thread does in ~25 s; the pool spreads the chunks over the cores. Each block goes to the worker with
 * the fewest blocks in hand; a text matrix is sent to a worker once, before its first block.
 */
export function createCosinePool(size: number, spawn = spawnCosineWorker): CosineEngine & { close(): void } {
  const versions = new WeakMap<Matrix, number>();
  let nextVersion = 1;
  let nextId = 1;
  const slots: Slot[] = Array.from({ length: size }, (_, n) => {
    const slot: Slot = { worker: spawn(n), jobs: new Map(), textVersion: 0 };
    slot.worker.onmessage = (event: MessageEvent<FromCosineWorker>) => settle(slot, event.data);
    slot.worker.onerror = (event) => failAll(slot, new Error(`a cosine worker failed: ${event.message}`));
    return slot;
  });
  return {
    parallel: size,
    cosines(rows, text) {
      let version = versions.get(text);
      if (version === undefined) versions.set(text, (version = nextVersion++));
      const slot = slots.reduce((best, candidate) => (candidate.jobs.size < best.jobs.size ? candidate : best));
      if (slot.textVersion !== version) {
        slot.worker.postMessage({ type: 'text', version, rows: text.rows, cols: text.cols, data: text.data } satisfies ToCosineWorker);
        slot.textVersion = version;
      }
      const id = nextId++;
      const data = wholeBuffer(rows.data);
      return new Promise<Matrix>((resolve, reject) => {
        slot.jobs.set(id, { rows: rows.rows, classes: text.rows, resolve, reject });
        slot.worker.postMessage({ type: 'rows', id, version, rows: rows.rows, data } satisfies ToCosineWorker, { transfer: [data.buffer] });
      });
    },
    close: () => slots.forEach((slot) => {
      slot.worker.terminate();
      failAll(slot, new Error('the cosine workers were closed'));
    }),
  };
}

/**
 * A pool of `size` workers started on the first block (a worker that never computes cosines starts
 * none); this thread itself where no worker can be started.
 */
export function lazyCosinePool(size: number): CosineEngine {
  if (typeof Worker === 'undefined') return inlineCosines;
  let pool: CosineEngine | null = null;
  return { parallel: size, cosines: (rows, text) => (pool ??= createCosinePool(size)).cosines(rows, text) };
}

function settle(slot: Slot, message: FromCosineWorker): void {
  const job = slot.jobs.get(message.id);
  if (!job) return;
  slot.jobs.delete(message.id);
  if (message.type === 'failed') job.reject(new Error(message.message));
  else job.resolve(createMatrix(job.rows, job.classes, message.data));
}

function failAll(slot: Slot, error: Error): void {
  for (const job of slot.jobs.values()) job.reject(error);
  slot.jobs.clear();
}

/** The values in a buffer of their own, which can be transferred (a view into a larger one is copied). */
const wholeBuffer = (data: Float32Array): Float32Array<ArrayBuffer> =>
  data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer ? (data as Float32Array<ArrayBuffer>) : data.slice();
