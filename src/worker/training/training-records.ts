import { del, get, set, values, type UseStore } from 'idb-keyval';
import { createYieldingStore } from '../storage/yielding-store';
import type { TrainerState } from '../../core/training/trainer';
import type { TrainingRunRecord } from '../protocol/training-protocol';

/**
 * Training runs in this origin's IndexedDB (`cdul-training`): each run's record (settings, curves,
 * status) and its latest checkpoint (the trainer state after the last finished epoch), kept apart so
 * listing runs does not read megabytes of parameters. The training worker writes; the page reads,
 * and deletes runs that are not training.
 */
export interface TrainingRecords {
  list(): Promise<TrainingRunRecord[]>;
  get(id: string): Promise<TrainingRunRecord | undefined>;
  put(record: TrainingRunRecord): Promise<void>;
  checkpoint(id: string): Promise<TrainerState | undefined>;
  putCheckpoint(id: string, state: TrainerState): Promise<void>;
  /** Y0 of the run, [images × classes]: what the gallery shows as the labels before training. */
  initialLabels(id: string): Promise<Float32Array | undefined>;
  putInitialLabels(id: string, labels: Float32Array): Promise<void>;
  remove(id: string): Promise<void>;
}

export function openTrainingRecords(name = 'cdul-training'): TrainingRecords {
  const runs: UseStore = createYieldingStore(`${name}-runs`, 'keyval');
  const checkpoints: UseStore = createYieldingStore(`${name}-checkpoints`, 'keyval');
  return {
    list: async () => ((await values<TrainingRunRecord>(runs)) ?? []).sort((a, b) => a.meta.createdAt - b.meta.createdAt),
    get: (id) => get<TrainingRunRecord>(id, runs),
    put: (record) => set(record.meta.id, record, runs),
    checkpoint: (id) => get<TrainerState>(id, checkpoints),
    putCheckpoint: (id, state) => set(id, state, checkpoints),
    initialLabels: (id) => get<Float32Array>(`${id}:y0`, checkpoints),
    putInitialLabels: (id, labels) => set(`${id}:y0`, labels, checkpoints),
    remove: async (id) => {
      await del(id, runs);
      await del(id, checkpoints);
      await del(`${id}:y0`, checkpoints);
    },
  };
}

/** The record as of the checkpoint's epoch: figures of later epochs are trained again on resume. */
export function trimToCheckpoint(record: TrainingRunRecord, epoch: number): TrainingRunRecord {
  if (record.figures.length <= epoch) return record;
  return { ...record, figures: record.figures.slice(0, epoch), epochMs: record.epochMs.slice(0, epoch) };
}
