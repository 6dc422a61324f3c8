import { describe, expect, it } from 'vitest';
import type { TrainerState } from '../../core/training/trainer';
import { DEFAULT_TRAINING_SETTINGS } from '../../core/training/training-settings';
import { trainRun, type TrainRunOptions } from './train-run';
import { trimToCheckpoint, type TrainingRecords } from './training-records';
import type { TrainingDataMessage, TrainingRunMeta, TrainingRunRecord } from '../protocol/training-protocol';

/** In-memory records (the IndexedDB one is the same interface). */
function memoryRecords(): TrainingRecords & { checkpoints: Map<string, TrainerState> } {
  const runs = new Map<string, TrainingRunRecord>();
  const checkpoints = new Map<string, TrainerState>();
  const labels = new Map<string, Float32Array>();
  return {
    checkpoints,
    list: async () => [...runs.values()],
    get: async (id) => runs.get(id),
    put: async (record) => void runs.set(record.meta.id, structuredClone(record)),
    checkpoint: async (id) => checkpoints.get(id),
    putCheckpoint: async (id, state) => void checkpoints.set(id, structuredClone(state)),
    initialLabels: async (id) => labels.get(id),
    putInitialLabels: async (id, y) => void labels.set(id, y),
    remove: async (id) => void runs.delete(id),
  };
}

const images = 24;
const classes = 3;
const dim = 5;
const data = (): TrainingDataMessage => ({
  ids: Array.from({ length: images }, (_, i) => `img${i}`),
  classes: ['a', 'b', 'c'],
  dim,
  features: Float32Array.from({ length: images * dim }, (_, k) => Math.sin(k * 1.7)),
  initialLabels: Float32Array.from({ length: images * classes }, (_, k) => 0.1 + 0.8 * ((k * 7) % 10) / 10),
  truth: Int8Array.from({ length: images * classes }, (_, k) => ((k * 5) % 3 === 0 ? 1 : -1)),
  val: null,
});
const meta = (id: string): TrainingRunMeta => ({
  id,
  name: id,
  createdAt: 0,
  embeddingRunKey: 'run',
  labelSettings: { zeta: 0.1, lambda: 0, scale: null },
  settings: { ...DEFAULT_TRAINING_SETTINGS, epochs: 6, warmup: 1, batchSize: 5 },
  valSplit: null,
  sweepId: null,
  images,
  classes: ['a', 'b', 'c'],
  dim,
});

function options(records: TrainingRecords, id: string, stopAfter: number | null, resume = false): TrainRunOptions {
  let published = 0;
  return {
    meta: meta(id),
    data: data(),
    backend: 'cpu',
    resume,
    records,
    gpu: () => Promise.reject(new Error('no GPU in this test')),
    publish: (record) => (published = record.figures.length),
    stopRequested: () => stopAfter !== null && published >= stopAfter,
  };
}

describe('trainRun (CPU backend)', () => {
  it('stores the record after every epoch and a checkpoint at the end; finished', async () => {
    const records = memoryRecords();
    const record = await trainRun(options(records, 'r1', null));
    expect(record.status).toBe('finished');
    expect(record.figures.map((f) => f.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(records.checkpoints.get('r1')!.epoch).toBe(6);
    expect((await records.get('r1'))!.status).toBe('finished');
  });

  it('a stopped run resumed from its checkpoint equals the uninterrupted run', async () => {
    const records = memoryRecords();
    const whole = await trainRun(options(records, 'whole', null));
    const stopped = await trainRun(options(records, 'split', 2));
    expect(stopped.status).toBe('stopped');
    expect(records.checkpoints.get('split')!.epoch).toBe(2);
    const resumed = await trainRun({ ...options(records, 'split', null, true) });
    expect(resumed.status).toBe('finished');
    expect(resumed.figures).toEqual(whole.figures);
  });

  it('asked for WebGPU without one, trains on the CPU and says why', async () => {
    const records = memoryRecords();
    const record = await trainRun({ ...options(records, 'r2', null), backend: 'webgpu' });
    expect(record.backend.used).toBe('cpu');
    expect(record.backend.note).toMatch(/WebGPU unavailable \(no GPU in this test\)/);
    expect(record.status).toBe('finished');
  });

  it('figures after the last checkpoint are dropped, to be trained again', () => {
    const record = { figures: [1, 2, 3, 4].map((epoch) => ({ epoch })), epochMs: [9, 9, 9, 9] } as unknown as TrainingRunRecord;
    expect(trimToCheckpoint(record, 2).figures).toHaveLength(2);
    expect(trimToCheckpoint(record, 2).epochMs).toEqual([9, 9]);
    expect(trimToCheckpoint(record, 4)).toBe(record);
  });
});
