import type { DatasetRef, ModelRef, RunRequest } from '../../src/worker/protocol/pipeline-protocol';

/**
 * What every `init.*` figure runs on (the setting): voc-mini (100 real VOC photos, served by
 * the bench's Vite server with a files.json index), tiny-vit from the app's own /models/, a 3×3 grid
 * (10 crops per image) and the app's chunk size.
 */
export const GRID = 3;
export const CHUNK_SIZE = 8; // src/app/features/run/run-panel.tsx
export const VOC_MINI_PATH = '/e2e/fixtures/voc-mini/';
export const TINY_VIT: ModelRef = { kind: 'catalog', id: 'tiny-vit', variant: 'fp32', baseUrl: null };
/** tiny-vit's crop side (models/tiny-vit/preprocessor_config.json). */
export const INPUT_SIZE = 224;
/**
 * Timed rounds (after a warm-up). Each round runs the pipeline, the model alone and the naive
 * pipeline one after the other, so a ratio compares runs made under the same machine load; figures
 * are medians over the rounds.
 */
export const ROUNDS = 5;

export const vocMini = (): DatasetRef => ({ kind: 'http', url: new URL(VOC_MINI_PATH, location.href).href, label: 'voc-mini' });

export function benchRequest(limit: number | null): RunRequest {
  return {
    dataset: vocMini(),
    split: null,
    limit,
    model: TINY_VIT,
    grid: GRID,
    promptTemplate: 'a photo of a {name}',
    preferredProvider: 'wasm',
    chunkSize: CHUNK_SIZE,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Progress lines the Node side forwards to stderr (stdout stays the JSON). */
export const note = (text: string): void => console.log(`[init-bench] ${text}`);
