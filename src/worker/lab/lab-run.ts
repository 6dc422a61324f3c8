import type { FileSource } from '../../core/dataset-source';
import type { LabState } from '../pipeline/similarity-state';
import type { LabResult } from '../protocol/lab-protocol';
import type { ValSearch } from './val-set';

/** What the worker keeps of a finished run to answer the views: the state, and where its images are. */
export interface LabRun {
  readonly state: LabState;
  readonly source: FileSource;
  /** Image id → path inside the dataset. */
  readonly imageFiles: ReadonlyMap<string, string>;
  /**
   * The run's images under another snippet grid (a stored run) and/or prompt template (text encoder
   * only); absent when the scores were stored without embeddings (reference caches).
   */
  derive?(options: { readonly grid?: number; readonly template?: string }): Promise<LabState>;
  /** Grids with a finished run of the same images and model (for Compare); absent: only the run's own. */
  cachedGrids?(): Promise<number[]>;
  /** Another split's stored run to evaluate a trained head on; absent when the run has no store key. */
  valSet?(split: string | null): Promise<ValSearch>;
  valCandidates?(): Promise<string[]>;
}

export interface LabAnswer {
  readonly result: LabResult;
  /** Buffers handed over to the page rather than copied. */
  readonly transfer: Transferable[];
}

export const answer = (result: LabResult, transfer: ArrayBufferLike[]): LabAnswer => ({ result, transfer: transfer as Transferable[] });
