import { create } from 'zustand';
import type { TrainingSettings } from '../../core/training/training-settings';
import type { TrainingBackend, TrainingRunRecord } from '../../worker/protocol/training-protocol';

/** Refined pseudo labels of one training run, row-aligned with the run's images (the pipeline run's order). */
export interface RefinedLabels {
  readonly runId: string;
  readonly runName: string;
  /** The pipeline run they belong to: shown only while that run is open. */
  readonly embeddingRunKey: string;
  readonly epoch: number;
  /** y = σ(z) after training, [images × classes]. */
  readonly refined: Float32Array;
  /** Y0, the labels training started from, [images × classes]. */
  readonly initial: Float32Array;
}

/** A sweep in progress: the runs still to start, one after another. */
export interface SweepProgress {
  readonly id: string;
  readonly name: string;
  readonly total: number;
  readonly pending: readonly TrainingSettings[];
  readonly backend: TrainingBackend;
  readonly valSplit: string | null;
}

export interface TrainingState {
  /** Every stored run, oldest first. */
  readonly runs: readonly TrainingRunRecord[];
  readonly loaded: boolean;
  /** The run training now (or asked to), if any. */
  readonly activeRunId: string | null;
  /** Runs overlaid in the charts. */
  readonly shown: readonly string[];
  /** The run whose per-epoch table is open. */
  readonly focusedRunId: string | null;
  readonly sweep: SweepProgress | null;
  readonly refined: RefinedLabels | null;
  readonly error: string | null;
  /** Why the last training-data answer had no val set. */
  readonly valNote: string | null;
  setRuns(runs: readonly TrainingRunRecord[]): void;
  upsert(record: TrainingRunRecord): void;
  removeRun(id: string): void;
  toggleShown(id: string): void;
  /** Shows only this run's curves and opens its table. */
  focus(id: string): void;
  set(patch: Partial<Pick<TrainingState, 'activeRunId' | 'sweep' | 'refined' | 'error' | 'shown'>>): void;
}

export const useTrainingStore = create<TrainingState>((set) => ({
  runs: [],
  loaded: false,
  activeRunId: null,
  shown: [],
  focusedRunId: null,
  sweep: null,
  refined: null,
  error: null,
  valNote: null,
  setRuns: (runs) => set({ runs, loaded: true }),
  upsert: (record) =>
    set((state) => {
      const index = state.runs.findIndex((run) => run.meta.id === record.meta.id);
      const runs = index < 0 ? [...state.runs, record] : state.runs.map((run, i) => (i === index ? record : run));
      return { runs };
    }),
  removeRun: (id) =>
    set((state) => ({
      runs: state.runs.filter((run) => run.meta.id !== id),
      shown: state.shown.filter((shownId) => shownId !== id),
      focusedRunId: state.focusedRunId === id ? null : state.focusedRunId,
      refined: state.refined?.runId === id ? null : state.refined,
    })),
  toggleShown: (id) => set((state) => ({ shown: state.shown.includes(id) ? state.shown.filter((x) => x !== id) : [...state.shown, id] })),
  focus: (id) => set({ shown: [id], focusedRunId: id }),
  set: (patch) => set(patch),
}));
