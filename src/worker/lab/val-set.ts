import type { MultiLabelDataset } from '../../core/datasets/multi-label-dataset';
import { l2NormalizeRows } from '../../core/training/normalize-features';
import type { LabelMatrix, Matrix } from '../../core/types';
import type { EmbeddingStore, RunRecord } from '../storage/embedding-store';
import { storedChunks } from '../pipeline/embedding-chunks';
import { globalEmbeddingsOf } from '../pipeline/stream-similarities';
import { labelsOfRows } from '../pipeline/dataset-message';

/** A split to evaluate a trained head on: another finished run of the same dataset and model. */
export interface ValSet {
  readonly split: string;
  readonly runKey: string;
  readonly ids: readonly string[];
  /** L2-normalised global embeddings, [images, d]. */
  readonly features: Matrix;
  readonly truth: LabelMatrix;
}

export interface ValSearch {
  readonly set: ValSet | null;
  /** Splits with a finished run of this dataset and model, other than the train run's. */
  readonly candidates: readonly string[];
  /** Why there is no val set, in words the training view shows. */
  readonly note: string | null;
}

/**
 * The val set for a head trained on the run `trainRunKey`: a finished run in this browser with the
 * same model and preprocessing (the `model:`/`pre:` parts of the key) on another split whose images
 * are all in that split of the same dataset folder. `requested` picks a split; by default 'val' when
 * stored, else the first. Of several runs of one split (grids, subsets), the one with most images.
 */
export async function findValSet(
  store: EmbeddingStore,
  loadSplit: ((split: string) => Promise<MultiLabelDataset>) | undefined,
  trainRunKey: string,
  requested: string | null,
): Promise<ValSearch> {
  if (!loadSplit) return { set: null, candidates: [], note: 'this run was not read from a dataset folder: no val split to find' };
  const bySplit = await valRuns(store, trainRunKey);
  if (!bySplit) return { set: null, candidates: [], note: 'the train run is no longer stored in this browser' };
  const candidates = [...bySplit.keys()].sort();
  const split = requested ?? (bySplit.has('val') ? 'val' : candidates[0]);
  const run = split === undefined ? undefined : bySplit.get(split);
  if (!run) {
    const note = requested
      ? `no finished run of split '${requested}' with this model in this browser`
      : 'no other split of this dataset computed with this model in this browser';
    return { set: null, candidates, note };
  }
  try {
    return { set: await readValSet(store, loadSplit, run), candidates, note: null };
  } catch (error) {
    return { set: null, candidates, note: `split '${run.meta.dataset.split}': ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Splits with a finished run of the same model other than the train run's (cheap: no chunk read). */
export async function valCandidates(store: EmbeddingStore, trainRunKey: string): Promise<string[]> {
  return [...((await valRuns(store, trainRunKey))?.keys() ?? [])].sort();
}

/** Per other split, its finished run with the same model and preprocessing (the largest); undefined without the train run. */
async function valRuns(store: EmbeddingStore, trainRunKey: string): Promise<Map<string, RunRecord> | undefined> {
  const train = await store.getRun(trainRunKey);
  if (!train) return undefined;
  const sameModel = modelPart(trainRunKey);
  const runs = (await store.listRuns()).filter(
    (run) => run.finishedChunks.length === run.totalChunks && modelPart(run.key) === sameModel && run.meta.dataset.split !== train.meta.dataset.split,
  );
  const bySplit = new Map<string, RunRecord>();
  for (const run of runs) {
    const held = bySplit.get(run.meta.dataset.split);
    if (!held || run.meta.ids.length > held.meta.ids.length) bySplit.set(run.meta.dataset.split, run);
  }
  return bySplit;
}

async function readValSet(store: EmbeddingStore, loadSplit: (split: string) => Promise<MultiLabelDataset>, run: RunRecord): Promise<ValSet> {
  const split = run.meta.dataset.split;
  const dataset = await loadSplit(split);
  if (!dataset.labels) throw new RangeError('this dataset has no ground truth: no val mAP (training stops without it)');
  const rowOf = new Map(dataset.ids.map((id, row) => [String(id), row]));
  const chunks = storedChunks(store, run);
  const missing = chunks.ids.filter((id) => !rowOf.has(id));
  if (missing.length) throw new RangeError(`${missing.length} of its images (e.g. ${missing[0]}) are not in this folder's split`);
  const features = l2NormalizeRows(await globalEmbeddingsOf(chunks));
  const ids = chunks.ids;
  return {
    split,
    runKey: run.key,
    ids,
    features,
    truth: labelsOfRows(dataset, ids)!,
  };
}

/** `model:…/pre:…` of a run key: same model and preprocessing = comparable embeddings. */
function modelPart(runKey: string): string {
  return runKey.split('/').filter((part) => part.startsWith('model:') || part.startsWith('pre:')).join('/');
}
