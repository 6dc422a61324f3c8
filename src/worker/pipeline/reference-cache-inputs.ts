import type { PseudoLabelInputs } from '../../core/evaluation/pseudo-labels';
import { rescaleSoftmaxRows } from '../../core/ref-cache/rescale-cached-softmax';
import { recentValues } from './recent-values';

/** Rescaled global matrices kept (a few ms each at VOC-train size): the temperatures last asked for. */
const SCALES_KEPT = 3;

/**
 * The cache's inputs at a softmax scale: its own, exactly as stored (so the cache's own mAPs are the
 * reference's); at another, the global rows rescaled and α/β as stored.
 */
export function referenceCacheInputs(stored: PseudoLabelInputs, ownScale: number, globalFile: (row: number) => string): (scale: number) => PseudoLabelInputs {
  const byScale = recentValues(SCALES_KEPT, (scale: number): PseudoLabelInputs => ({
    ...stored,
    global: rescaleSoftmaxRows(stored.global, ownScale, scale, globalFile),
  }));
  return (scale) => (scale === ownScale ? stored : byScale.get(scale));
}
