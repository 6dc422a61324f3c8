import type { ExportedRun } from '../../core/export/export-file-name';
import type { EpochFigures } from '../../core/training/trainer';
import type { TrainingSettings } from '../../core/training/training-settings';
import type { TrainingDataResult } from './lab-protocol';

/** Messages between the page and the training worker (src/worker/training/training-worker.ts). */

export type TrainingBackend = 'webgpu' | 'cpu';

/** The frozen inputs of a run, as the pipeline worker's 'training-data' query returns them. */
export type TrainingDataMessage = Omit<TrainingDataResult, 'kind' | 'valCandidates' | 'valNote'>;

/** What a run was made from and with: enough to train it again or resume it after a reload. */
export interface TrainingRunMeta {
  readonly id: string;
  /** Short and unique among the runs, e.g. "#3" or "sweep 2 · 4/12". */
  readonly name: string;
  readonly createdAt: number;
  /** The pipeline run (image embeddings) the head is trained on. */
  readonly embeddingRunKey: string;
  /** That run as its exports name it (dataset, split, model, grid); absent in runs stored before it was kept. */
  readonly source?: ExportedRun;
  /** How Y0 was made from it: the final pseudo labels at ζ, λ and the softmax scale (null = the model's). */
  readonly labelSettings: { readonly zeta: number; readonly lambda: number; readonly scale: number | null };
  readonly settings: TrainingSettings;
  readonly valSplit: string | null;
  readonly sweepId: string | null;
  readonly images: number;
  readonly classes: readonly string[];
  readonly dim: number;
}

export type TrainingStatus = 'queued' | 'running' | 'stopped' | 'finished' | 'failed';

export interface TrainingRunRecord {
  readonly meta: TrainingRunMeta;
  readonly status: TrainingStatus;
  readonly figures: readonly EpochFigures[];
  /** Wall time of each epoch (ms), for the ETA and the comparison of backends. */
  readonly epochMs: readonly number[];
  /** mAP (%) of Y0 against the train ground truth, before any epoch. */
  readonly initialPseudoLabelMap: number | null;
  /** The backend that ran the last epoch, its adapter, and why it is not the one asked for. */
  readonly backend: { readonly used: TrainingBackend; readonly adapter: string | null; readonly note: string | null };
  readonly error: string | null;
}

export type ToTraining =
  | { readonly type: 'train'; readonly meta: TrainingRunMeta; readonly data: TrainingDataMessage; readonly backend: TrainingBackend; readonly resume: boolean }
  | { readonly type: 'stop' }
  /** Test hook (`?e2e`): destroys the GPU device of the run in progress, as a driver reset would. */
  | { readonly type: 'debug-lose-device' };

export type FromTraining =
  /** After every epoch and status change; the record is already stored. */
  | { readonly type: 'record'; readonly record: TrainingRunRecord }
  | { readonly type: 'error'; readonly runId: string | null; readonly message: string };
