import { aggregate, type SnippetExtremes } from '../cdul/aggregate';
import { finalLabels } from '../cdul/final-label';
import { createMatrix, type Matrix } from '../types';
import type { PseudoLabelMode } from './pseudo-label-modes';

/** Everything a pseudo label is computed from, for the same images in the same order, [images, classes]. */
export interface PseudoLabelInputs extends SnippetExtremes {
  readonly global: Matrix;
}

export interface PseudoLabelSettings {
  readonly mode: PseudoLabelMode;
  /** ζ, the aggregator threshold (ignored by 'global'). */
  readonly zeta: number;
  /** λ of the final label (used by 'final' only). */
  readonly lambda: number;
}

/** Reusable buffers, so a ζ sweep allocates nothing per point. */
export interface PseudoLabelBuffers {
  readonly aggregated: Matrix;
  readonly final: Matrix;
}

export function createPseudoLabelBuffers(images: number, classes: number): PseudoLabelBuffers {
  return { aggregated: createMatrix(images, classes), final: createMatrix(images, classes) };
}

/** The pseudo-label matrix [images, classes] for the given settings (may be one of `buffers`). */
export function computePseudoLabels(
  inputs: PseudoLabelInputs,
  settings: PseudoLabelSettings,
  buffers?: PseudoLabelBuffers,
): Matrix {
  if (settings.mode === 'global') return inputs.global;
  const aggregated = aggregate(inputs, settings.zeta, buffers?.aggregated);
  if (settings.mode === 'aggregate') return aggregated;
  return finalLabels(inputs.global, aggregated, settings.lambda, buffers?.final);
}
