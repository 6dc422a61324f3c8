import { createSimilarityState, evaluateState } from '../../src/worker/pipeline/similarity-state';
import type { LabSettings } from '../../src/core/evaluation/lab-settings';
import { medianMs, medianMsAsync, round } from '../measure';
import { randomText, syntheticEmbeddings } from '../../src/core/lab/synthetic-embeddings';
import type { Figures } from './bench-protocol';

const IMAGES = 5_717; // PASCAL VOC 2012 train
const SNIPPETS = 9; // 3×3 grid
const CLASSES = 20;
const DIM = 512; // ViT-B/32's embedding width
const CLIP_SCALE = 100;

const settings = (zeta: number, scale: number | null): LabSettings => ({
  zeta,
  lambda: 0,
  scale,
  convention: 'step',
  difficult: 'positive',
});

/**
 * What a settings change costs in the pipeline worker after a VOC-train-sized run, from the state it
 * keeps (similarity-state.ts): a ζ change (global, aggregate and final labels and their mAPs, α/β
 * cached), a temperature change (softmax of every cosine row, α/β again, then the same), and a
 * prompt change without the text encoder (every cosine against a new text matrix, the embeddings read
 * chunk by chunk as from the store).
 */
export async function recomputeFigures(): Promise<Figures> {
  const data = syntheticEmbeddings(IMAGES, SNIPPETS, CLASSES, DIM);
  const ids = Array.from({ length: data.labels.rows }, (_, row) => String(row));
  const state = createSimilarityState(data, ids, data.labels, data.classes, SNIPPETS, CLIP_SCALE);
  evaluateState(state, settings(0.1, null)); // the model's scale, as after a run: its α/β are cached
  let step = 0;
  const zetaMs = medianMs(() => evaluateState(state, settings(0.05 + 0.01 * (step++ % 30), null)), 11);
  // Every repetition a temperature not seen before, so nothing comes from the state's cache.
  const scaleMs = medianMs(() => evaluateState(state, settings(0.1, 20 + step++)), 7, 1);
  const text = randomText(CLASSES, DIM, 7);
  const promptsMs = await medianMsAsync(() => state.withText(text), 5, 1);
  return {
    'init.recompute_ms_5717': round(Math.max(zetaMs, scaleMs)),
    'init.recompute_zeta_ms_5717': round(zetaMs),
    'init.recompute_temperature_ms_5717': round(scaleMs),
    'init.recompute_prompts_ms_5717': round(promptsMs),
  };
}
