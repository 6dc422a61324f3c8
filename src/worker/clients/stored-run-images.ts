import { ALL_IMAGES } from '../../core/voc';
import { openEmbeddingStore, type RunRecord } from '../storage/embedding-store';

/**
 * How many images a stopped run really has stored, read from the embedding store: after the page
 * restarted the worker (a pause that had to, a crash), a chunk write in flight may have landed after the
 * last progress message, so the store, not the message, says what a resume starts from.
 */

/** The run that stopped, as the page knows it (the page cannot compute its store key: the worker fingerprints the files). */
export interface StoppedRun {
  /** The dataset's label, as the run's header keeps it for the storage panel. */
  readonly datasetLabel: string;
  /** The split the worker read (null: every annotated image). */
  readonly split: string | null;
  readonly modelId: string;
  readonly grid: number;
  readonly totalImages: number;
}

/** Images in the run's finished chunks (unreadable ones included, as the run's progress counts them) and the unreadable ones. */
export interface StoredImages {
  readonly images: number;
  readonly skipped: number;
}

/**
 * The stopped run among the stored ones: same dataset label, split, model, grid and number of images;
 * of several (two folders of the same name and size), the one written last, which is the run that was
 * just going. Null when none matches (nothing was stored yet).
 */
export function storedImagesOf(runs: readonly RunRecord[], stopped: StoppedRun): StoredImages | null {
  const split = stopped.split ?? ALL_IMAGES;
  const matching = runs.filter(
    (run) =>
      (run.datasetLabel === undefined || run.datasetLabel === stopped.datasetLabel) &&
      run.meta.dataset.split === split &&
      run.meta.model.id === stopped.modelId &&
      run.meta.grid === stopped.grid &&
      run.meta.ids.length === stopped.totalImages,
  );
  const latest = matching.reduce<RunRecord | null>((best, run) => (best === null || run.updatedAt > best.updatedAt ? run : best), null);
  if (!latest) return null;
  const total = latest.meta.ids.length;
  const images = latest.finishedChunks.reduce((sum, index) => sum + Math.max(0, Math.min(latest.chunkSize, total - index * latest.chunkSize)), 0);
  return { images, skipped: latest.skipped.length };
}

// Opening is lazy: nothing touches IndexedDB until the first call.
const store = openEmbeddingStore();

export async function readStoredImages(stopped: StoppedRun): Promise<StoredImages | null> {
  return storedImagesOf(await store.listRuns(), stopped);
}
