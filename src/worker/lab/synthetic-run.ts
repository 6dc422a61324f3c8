import { CLIP_LOGIT_SCALE_FOR_SYNTHETIC, syntheticEmbeddings } from '../../core/lab/synthetic-embeddings';
import { createSimilarityState, type SimilarityState } from '../pipeline/similarity-state';

/**
 * Test and benchmark only (sent by the page's `?e2e` hooks): a finished run of `images` synthetic
 * CLIP-like embeddings with a fixed seed, so the views can be timed at VOC-train size (5,717 images)
 * without encoding 5,717 photos first. It has no image files.
 */
export function syntheticRun(images: number, grid: number, classes: number, dim: number): SimilarityState {
  const snippets = grid * grid;
  const data = syntheticEmbeddings(images, snippets, classes, dim);
  const ids = Array.from({ length: images }, (_, row) => `synthetic_${String(row).padStart(6, '0')}`);
  return createSimilarityState(data, ids, data.labels, data.classes, snippets, CLIP_LOGIT_SCALE_FOR_SYNTHETIC);
}
