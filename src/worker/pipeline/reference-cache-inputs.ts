import type { PseudoLabelInputs } from '../../core/evaluation/pseudo-labels';
import { rescaleSoftmaxRows } from '../../core/ref-cache/rescale-cached-softmax';

/** Rescaled global matrices kept (a few ms each at VOC-train size): the temperatures last asked for. */
const SCALES_KEPT = 3;

/**
 * The cache's inputs at a softmax scale: its own, exactly as stored (so the cache's own mAPs are the
 * reference's); at another, the global rows rescaled and α/β as stored.
 */
export function referenceCacheInputs(stored: PseudoLabelInputs, ownScale: number, globalFile: (row: number) => string): (scale: number) => PseudoLabelInputs {
  // Least recently used first: a temperature asked for again moves to the end.
  const byScale = new Map<number, PseudoLabelInputs>();
  return (scale) => {
    if (scale === ownScale) return stored;
    let inputs = byScale.get(scale);
    if (inputs) byScale.delete(scale);
    else inputs = { ...stored, global: rescaleSoftmaxRows(stored.global, ownScale, scale, globalFile) };
    byScale.set(scale, inputs);
    if (byScale.size > SCALES_KEPT) byScale.delete(byScale.keys().next().value!);
    return inputs;
  };
}
