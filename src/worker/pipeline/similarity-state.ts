import { softmaxRows } from '../../core/cdul/similarity';
import { softmaxExtremes } from '../../core/cdul/softmax-extremes';
import { accumulateSimilarities, type ChunkSimilarities } from '../../core/init-cache/chunk-similarities';
import { evaluatePseudoLabels } from '../../core/evaluation/evaluate-pseudo-labels';
import type { MeanApResult } from '../../core/metrics/mean-ap';
import type { PseudoLabelInputs } from '../../core/evaluation/pseudo-labels';
import type { LabelMatrix, Matrix } from '../../core/types';
import type { LabSettings } from '../../core/evaluation/lab-settings';
import type { SummaryResult } from '../protocol/lab-protocol';
import { memoryChunks, type EmbeddingChunks } from './embedding-chunks';
import { streamSimilarities } from './stream-similarities';
import { recentValues } from './recent-values';

/** Image embeddings of a run ([n, d] global and [n × N², d] snippets) and the text embeddings ([C, d]). */
export interface RunEmbeddings {
  readonly global: Matrix;
  readonly local: Matrix;
  readonly text: Matrix;
}

/** What the views and the results panel read from: a finished run, or a reference cache (α/β only). */
export interface LabState {
  /** Image ids of the rows, in row order (skipped images are not rows). */
  readonly ids: readonly string[];
  readonly classes: readonly string[];
  /** The rows' ground truth; null for a dataset without any (a plain folder of photos). */
  readonly labels: LabelMatrix | null;
  /** N² of the snippet grid. */
  readonly snippets: number;
  readonly modelScale: number;
  /** [n × N², C] cosines of every snippet; null when only α/β were stored (reference caches). */
  readonly localCos: Matrix | null;
  /**
   * null: every score follows the temperature; else the softmax scale α and β are stored at, which no
   * temperature changes (reference caches: their global scores follow it, see reference-cache-inputs.ts).
   */
  readonly fixedScale: number | null;
  /** Global, α and β at a softmax scale (a reference cache's α/β: at `fixedScale` whatever is asked). */
  inputsAt(scale: number): PseudoLabelInputs;
}

/**
 * What a finished run keeps in the worker so that τ, ζ, λ, class names and prompts change without the
 * image encoder: the cosine matrices (prompt-dependent, temperature-free), α/β/global for the last few
 * temperatures, and where the image embeddings are read from, a chunk at a time, for a new prompt set
 * or a classifier head's features (the embedding store: at COCO-train size the snippet embeddings are
 * 1.5 GB and the global ones 170 MB, neither held in memory).
 */
export interface SimilarityState extends LabState {
  /** [n, C] */
  readonly globalCos: Matrix;
  /** [n × N², C] */
  readonly localCos: Matrix;
  /** [C, d]: the text embeddings of the prompts in force. */
  readonly text: Matrix;
  readonly fixedScale: null;
  /** The run's image embeddings, chunk by chunk (a new prompt set reads them again; a head's features are the global ones). */
  readonly chunks: EmbeddingChunks;
  /** The same images under other text embeddings (one per class, same order): cosines recomputed from the chunks. */
  withText(text: Matrix): Promise<SimilarityState>;
}

/** Softmax scales whose α/β/global are kept (≈1.4 MB each at VOC-train size, 79 MB at COCO-train size): the temperatures last used. */
export const SCALES_KEPT = 3;

/** A state from embeddings held in memory (synthetic runs, tests): the same path as a stored run's. */
export function createSimilarityState(
  embeddings: RunEmbeddings,
  ids: readonly string[],
  labels: LabelMatrix | null,
  classes: readonly string[],
  snippets: number,
  modelScale: number,
): SimilarityState {
  const chunks = memoryChunks(embeddings.global, embeddings.local, ids, snippets);
  const accumulator = accumulateSimilarities(ids.length, snippets, chunks.dim, embeddings.text, { keepGlobal: false });
  for (const chunk of chunks.read()) accumulator.add(chunk);
  return stateOf(accumulator.finish(), { chunks, text: embeddings.text, labels, classes, modelScale });
}

/** A run's state from its chunks, read one at a time (the embedding store's, or memory's): only the cosines are kept. */
export async function assembleSimilarityState(
  chunks: EmbeddingChunks,
  text: Matrix,
  labels: LabelMatrix | null,
  classes: readonly string[],
  modelScale: number,
): Promise<SimilarityState> {
  if (text.rows !== classes.length) throw new RangeError(`${text.rows} text embeddings for ${classes.length} classes`);
  return stateOf(await streamSimilarities(chunks, text, false), { chunks, text, labels, classes, modelScale });
}

interface StateContext {
  readonly chunks: EmbeddingChunks;
  readonly text: Matrix;
  readonly labels: LabelMatrix | null;
  readonly classes: readonly string[];
  readonly modelScale: number;
}

function stateOf(similarities: ChunkSimilarities, context: StateContext): SimilarityState {
  const { chunks, text, labels, classes, modelScale } = context;
  const { globalCos, localCos } = similarities;
  if (labels && chunks.ids.length !== labels.rows) throw new RangeError(`${chunks.ids.length} image ids for ${labels.rows} label rows`);
  const byScale = recentValues(SCALES_KEPT, (scale: number): PseudoLabelInputs => ({
    global: softmaxRows(globalCos, scale),
    ...softmaxExtremes(localCos, chunks.snippets, scale),
  }));
  return {
    ids: chunks.ids,
    classes,
    labels,
    snippets: chunks.snippets,
    modelScale,
    globalCos,
    localCos,
    text,
    chunks,
    fixedScale: null,
    withText(next) {
      return assembleSimilarityState(chunks, next, labels, classes, modelScale);
    },
    inputsAt: (scale) => byScale.get(scale),
  };
}

/**
 * mAP of global, aggregate and final labels at one setting (what the run panel shows). Each mode's mAP
 * is remembered under only the settings it depends on, so moving λ re-ranks only the final labels
 * and moving ζ skips the global ones (a mAP over 5,717 images costs ~15–30 ms).
 */
export function evaluateState(state: LabState, settings: LabSettings): SummaryResult {
  const started = performance.now();
  const truth = state.labels;
  if (!truth) return { kind: 'summary', settings, images: state.ids.length, mAP: null, classesWithoutPositives: [], elapsedMs: 0 };
  const scale = settings.scale ?? state.modelScale;
  const metric = { convention: settings.convention, difficult: settings.difficult } as const;
  const memo = memoOf(state);
  const at = (mode: 'global' | 'aggregate' | 'final') => {
    const key = JSON.stringify([mode, scale, metric.convention, metric.difficult, mode === 'global' ? null : settings.zeta, mode === 'final' ? settings.lambda : null]);
    let result = memo.get(key);
    if (!result) {
      const inputs = state.inputsAt(scale);
      result = evaluatePseudoLabels(inputs, truth, state.classes, { mode, zeta: settings.zeta, lambda: settings.lambda, ...metric });
      if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
      memo.set(key, result);
    }
    return result;
  };
  const final = at('final');
  return {
    kind: 'summary',
    settings,
    images: truth.rows,
    mAP: { global: at('global').mAP, aggregate: at('aggregate').mAP, final: final.mAP },
    classesWithoutPositives: final.classesWithoutPositives,
    elapsedMs: performance.now() - started,
  };
}

/** Per state (a new prompt set is a new state), the last mAP results; oldest dropped first. */
const memos = new WeakMap<LabState, Map<string, MeanApResult>>();
const MEMO_LIMIT = 256;

function memoOf(state: LabState): Map<string, MeanApResult> {
  let memo = memos.get(state);
  if (!memo) memos.set(state, (memo = new Map()));
  return memo;
}

/** A run's state (embeddings kept: prompts can change), as opposed to a reference cache's scores. */
export function isSimilarityState(state: LabState): state is SimilarityState {
  return 'withText' in state;
}
