import type { RunRequest } from '../../worker/protocol/pipeline-protocol';

/**
 * Names of the Web Locks that make one tab the only writer of a run (run-lock.ts).
 *
 * An embedding run is named by what every tab knows before it starts — the journalled request — and
 * only by the parts of it that the worker's store key (`runKey`: dataset files, split, model,
 * preprocessing, grid) is made of: the dataset as the page names it (a built-in's URL, a folder's
 * label), the split, the model and the grid. The first-N limit, the prompts, the backend and the chunk
 * size are left out on purpose: runs differing only in those write the same stored chunks, so they must
 * share one writer. A folder is known by its label only (a handle cannot be compared across tabs), so
 * two different folders of the same name take turns: safe, at worst one waits for the other.
 */
export function embeddingRunLockName(request: Pick<RunRequest, 'dataset' | 'split' | 'model' | 'grid'>): string {
  const { dataset, model } = request;
  const datasetId = dataset.kind === 'http' ? `http:${dataset.url}` : `${dataset.kind}:${dataset.label}`;
  const modelId = model.kind === 'catalog' ? `catalog:${model.id}:${model.variant}` : `files:${model.id}`;
  // JSON of a tuple: no label or URL can forge a separator and make two runs share a name.
  return `cdul-embedding-run:${JSON.stringify([datasetId, request.split ?? '', modelId, request.grid])}`;
}

/** A training run has one id from its creation on: the tab training it holds this lock. */
export function trainingRunLockName(runId: string): string {
  return `cdul-training-run:${runId}`;
}
