import { runKeyFacts } from '../../core/init-cache/run-key-parts';
import type { RunRecord } from './run-records';

/** One stored run of image embeddings as the storage panel lists it. */
export interface StoredRunSummary {
  readonly key: string;
  /** The dataset's name when the run was started; else what the key says (its fingerprint, or a cache folder). */
  readonly dataset: string;
  readonly split: string;
  readonly modelId: string;
  readonly grid: number;
  /** Images with stored embeddings (skipped files are not), out of `totalImages` in the run. */
  readonly images: number;
  readonly totalImages: number;
  /** Every chunk stored: the run reopens without the image encoder. */
  readonly complete: boolean;
  readonly bytes: number;
  readonly updatedAt: number;
}

export function summarizeStoredRun(run: RunRecord): StoredRunSummary {
  const total = run.meta.ids.length;
  const inFinishedChunks = run.finishedChunks.reduce((sum, index) => sum + Math.max(0, Math.min(run.chunkSize, total - index * run.chunkSize)), 0);
  const facts = runKeyFacts(run.key);
  return {
    key: run.key,
    dataset: run.datasetLabel ?? datasetOfKey(run.key),
    split: facts.split ?? run.meta.dataset.split,
    modelId: facts.modelId ?? run.meta.model.id,
    grid: facts.grid ?? run.meta.grid,
    images: Math.max(0, inFinishedChunks - run.skipped.length),
    totalImages: total,
    complete: run.finishedChunks.length === run.totalChunks,
    bytes: run.bytes,
    updatedAt: run.updatedAt,
  };
}

/** Runs stored before the dataset's name was: `voc:3f2a9c01b7de/…` or `cdul-cache:…/…`. */
function datasetOfKey(key: string): string {
  const source = key.split('/')[0] ?? key;
  if (source.startsWith('cdul-cache:')) return 'a cdul cache folder';
  return `dataset ${source.replace(/^voc:/, '')}`;
}
