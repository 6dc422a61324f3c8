import { cosineSimilarities } from '../../core/cdul/similarity';
import type { Matrix } from '../../core/types';

/**
 * Where the cosines of a block of image rows are computed: in this thread, or in a pool of workers
 * (cosine-pool.ts). Both run cosineSimilarities, so the bits are the same either way.
 */
export interface CosineEngine {
  /** cosineSimilarities(rows, text); the engine may take `rows`' buffer (a transfer). */
  cosines(rows: Matrix, text: Matrix): Promise<Matrix>;
  /** Blocks worth having in flight at once (1: one after another). */
  readonly parallel: number;
}

export const inlineCosines: CosineEngine = {
  cosines: async (rows, text) => cosineSimilarities(rows, text),
  parallel: 1,
};

let engine: CosineEngine = inlineCosines;

/** The engine this thread's run states use (the pipeline worker installs its pool at start). */
export const cosineEngine = (): CosineEngine => engine;

export function useCosineEngine(next: CosineEngine): void {
  engine = next;
}
