import { snippetExtremes } from '../../core/cdul/aggregate';
import { cosineSimilarities, softmaxRows } from '../../core/cdul/similarity';
import { evaluatePseudoLabels } from '../../core/evaluation/evaluate-pseudo-labels';
import type { PseudoLabelInputs } from '../../core/evaluation/pseudo-labels';
import type { LabelMatrix, Matrix } from '../../core/types';
import type { EvaluationMessage, PseudoLabelSettingsMessage } from '../protocol';

/**
 * What a finished run keeps in the worker so that τ, ζ and λ change without the image encoder:
 * the cosine matrices (prompt-dependent, temperature-free) and, per temperature, α/β/global.
 */
export interface SimilarityState {
  readonly classes: readonly string[];
  readonly labels: LabelMatrix;
  readonly snippets: number;
  readonly modelScale: number;
  /** [n, C] */
  readonly globalCos: Matrix;
  /** [n × N², C] */
  readonly localCos: Matrix;
  inputsAt(scale: number): PseudoLabelInputs;
}

export function createSimilarityState(
  embeddings: { global: Matrix; local: Matrix; text: Matrix },
  labels: LabelMatrix,
  classes: readonly string[],
  snippets: number,
  modelScale: number,
): SimilarityState {
  const globalCos = cosineSimilarities(embeddings.global, embeddings.text);
  const localCos = cosineSimilarities(embeddings.local, embeddings.text);
  const byScale = new Map<number, PseudoLabelInputs>();
  return {
    classes,
    labels,
    snippets,
    modelScale,
    globalCos,
    localCos,
    inputsAt(scale) {
      let inputs = byScale.get(scale);
      if (!inputs) {
        const local = softmaxRows(localCos, scale);
        inputs = { global: softmaxRows(globalCos, scale), ...snippetExtremes(local.data, labels.rows, snippets, classes.length) };
        byScale.set(scale, inputs);
      }
      return inputs;
    },
  };
}

/** mAP of global, aggregate and final labels at one setting (what the run panel shows). */
export function evaluateState(state: SimilarityState, settings: PseudoLabelSettingsMessage): EvaluationMessage {
  const started = performance.now();
  const inputs = state.inputsAt(settings.scale ?? state.modelScale);
  const metric = { convention: settings.convention, difficult: settings.difficult } as const;
  const at = (mode: 'global' | 'aggregate' | 'final') =>
    evaluatePseudoLabels(inputs, state.labels, state.classes, { mode, zeta: settings.zeta, lambda: settings.lambda, ...metric });
  const final = at('final');
  return {
    settings,
    images: state.labels.rows,
    mAP: { global: at('global').mAP, aggregate: at('aggregate').mAP, final: final.mAP },
    classesWithoutPositives: final.classesWithoutPositives,
    elapsedMs: performance.now() - started,
  };
}
