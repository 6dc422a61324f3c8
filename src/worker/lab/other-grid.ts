import { selectRows } from '../../core/evaluation/select-rows';
import type { EmbeddingStore } from '../storage/embedding-store';
import { storedChunks } from '../pipeline/embedding-chunks';
import { assembleSimilarityState, type SimilarityState } from '../pipeline/similarity-state';

/** The key of the same dataset, split, model and preprocessing with another grid (run-key.ts's last part). */
export function runKeyWithGrid(runKey: string, grid: number): string {
  if (!/\/grid:\d+$/.test(runKey)) throw new RangeError(`'${runKey}' is not a run of this lab`);
  return runKey.replace(/\/grid:\d+$/, `/grid:${grid}`);
}

/** Grids of the finished runs of the same dataset, split, model and preprocessing, ascending. */
export async function cachedGrids(store: EmbeddingStore, runKey: string): Promise<number[]> {
  const prefix = runKeyWithGrid(runKey, 0).replace(/0$/, '');
  const runs = await store.listRuns();
  return runs
    .filter((run) => run.key.startsWith(prefix) && run.finishedChunks.length === run.totalChunks)
    .map((run) => Number(run.key.slice(prefix.length)))
    .sort((a, b) => a - b);
}

/**
 * The same images under another snippet grid, from a finished run stored in the browser (Compare's
 * "grid size where cached"): its embeddings, read chunk by chunk, against `text` (by default the text
 * embeddings in force), the current state's ground truth. Refused with what to do when no such run is
 * stored or it covers other images.
 */
export async function stateWithGrid(store: EmbeddingStore, current: SimilarityState, runKey: string, grid: number, text = current.text): Promise<SimilarityState> {
  const key = runKeyWithGrid(runKey, grid);
  const run = await store.getRun(key);
  if (!run || run.finishedChunks.length !== run.totalChunks) {
    throw new RangeError(`no finished ${grid}×${grid} run of this dataset and model in this browser: compute one in the workspace first`);
  }
  const chunks = storedChunks(store, run);
  const rowOf = new Map(current.ids.map((id, row) => [id, row]));
  const rows = chunks.ids.map((id) => rowOf.get(id));
  if (chunks.ids.length !== current.ids.length || rows.some((row) => row === undefined)) {
    throw new RangeError(`the ${grid}×${grid} run covers other images than this one (${chunks.ids.length} vs ${current.ids.length}): compare runs of the same images`);
  }
  const labels = current.labels && selectRows(current.labels, rows as number[]);
  return assembleSimilarityState(chunks, text, labels, current.classes, current.modelScale);
}
