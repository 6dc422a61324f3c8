import type { ExecutionProvider } from '../../src/worker/protocol/pipeline-protocol';

/** Requests from the bench page to its worker, answered one at a time. */
export type ToBenchWorker =
  | { readonly type: 'pipeline'; readonly databasePrefix: string; readonly limit: number | null }
  | { readonly type: 'model-only'; readonly provider: ExecutionProvider; readonly limit: number | null; readonly warmUp: boolean }
  | { readonly type: 'prepare-only'; readonly limit: number | null }
  | { readonly type: 'recompute' }
  | { readonly type: 'prepare' };

export type Figures = Record<string, number | string | null>;

export type FromBenchWorker = { readonly type: 'done'; readonly figures: Figures } | { readonly type: 'error'; readonly message: string };
