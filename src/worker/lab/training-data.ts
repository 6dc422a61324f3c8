import { computePseudoLabels } from '../../core/evaluation/pseudo-labels';
import { l2NormalizeRows } from '../../core/training/normalize-features';
import type { LabSettings } from '../../core/evaluation/lab-settings';
import { isSimilarityState, type LabState } from '../pipeline/similarity-state';
import { globalEmbeddingsOf } from '../pipeline/stream-similarities';
import type { TrainingDataResult } from '../protocol/lab-protocol';
import { answer, type LabAnswer, type LabRun } from './lab-run';

/** The training view's inputs from the finished run (see the 'training-data' query). */
export async function trainingDataAnswer(run: LabRun, state: LabState, settings: LabSettings, valSplit: string | null): Promise<LabAnswer> {
  if (!isSimilarityState(state)) throw new RangeError('a reference cache holds scores, not image embeddings: a head cannot be trained on it');
  // Read from the run's chunks (the state keeps cosines, not the 170 MB of a COCO-sized run's embeddings).
  const globalEmbeddings = await globalEmbeddingsOf(state.chunks);
  const features = l2NormalizeRows(globalEmbeddings).data;
  const initialLabels = computePseudoLabels(state.inputsAt(settings.scale ?? state.modelScale), {
    mode: 'final',
    zeta: settings.zeta,
    lambda: settings.lambda,
  }).data.slice();
  const truth = state.labels?.data.slice() ?? null;
  const search = run.valSet ? await run.valSet(valSplit) : { set: null, candidates: [], note: 'this run is not stored in the browser: no val split to find' };
  const set = search.set;
  const val = set ? { split: set.split, runKey: set.runKey, ids: set.ids, features: set.features.data, truth: set.truth.data } : null;
  const result: TrainingDataResult = {
    kind: 'training-data',
    ids: state.ids,
    classes: state.classes,
    dim: globalEmbeddings.cols,
    features,
    initialLabels,
    truth,
    val,
    valCandidates: search.candidates,
    valNote: search.note,
  };
  return answer(result, [features.buffer, initialLabels.buffer, ...(truth ? [truth.buffer] : []), ...(val ? [val.features.buffer, val.truth.buffer] : [])]);
}
