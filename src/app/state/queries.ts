import { queryOptions } from '@tanstack/react-query';
import { probeWebGpu, type WebGpuProbe } from '../../gpu/webgpu-probe';
import type { PipelineClient } from '../../worker/clients/pipeline-client';
import { modelCacheUsage } from '../../worker/clients/model-cache-client';
import { storageFacts } from '../../worker/clients/storage-client';
import type { DatasetFormat } from '../../core/datasets/multi-label-dataset';
import type { LabQuery } from '../../worker/protocol/lab-protocol';
import type { DatasetRef } from '../../worker/protocol/pipeline-protocol';
import type { RunPhase } from './run-status-store';

/**
 * Every answer the page waits for, as react-query options whose keys hold every input: the views'
 * questions about the finished run, the reference caches of a dataset, the WebGPU adapter, what the
 * browser stores. Answers stay here (never copied into a store); the AbortSignal reaches the client.
 */

/** A view's question about the finished run, keyed by the run and the prompts in force (a new run or prompt set makes every answer stale). */
export function labQueryOptions<Q extends LabQuery>(client: PipelineClient, run: { readonly runKey: string | null; readonly prompts: string }, query: Q | null) {
  return queryOptions({
    queryKey: ['lab', run.runKey, run.prompts, query] as const,
    queryFn: ({ signal }) => client.ask(query!, signal),
    enabled: query !== null && run.runKey !== null,
    staleTime: Infinity,
  });
}

/** The reference reproduction's caches in a dataset folder ([] when it has none). */
export function referenceCachesOptions(client: PipelineClient, dataset: DatasetRef) {
  return queryOptions({
    queryKey: ['reference-caches', datasetIdentity(dataset)] as const,
    queryFn: async ({ signal }) => (await client.ask({ kind: 'reference-caches', dataset }, signal)).caches,
    staleTime: Infinity,
  });
}

/** The layout in a dataset folder (or the format asked for) and its splits, before any run; null when none is found. */
export function datasetLayoutOptions(client: PipelineClient, dataset: DatasetRef, format: DatasetFormat | 'auto') {
  return queryOptions({
    queryKey: ['dataset-layout', datasetIdentity(dataset), format] as const,
    queryFn: async ({ signal }) => (await client.ask({ kind: 'dataset-layout', dataset, format }, signal)).layout,
    staleTime: Infinity,
    retry: false,
  });
}

/** Splits a val set could come from: asked afresh whenever the form appears (computing another split adds one). */
export function valCandidatesOptions(client: PipelineClient, runKey: string | null) {
  return queryOptions({
    queryKey: ['val-candidates', runKey] as const,
    queryFn: async ({ signal }) => (await client.ask({ kind: 'val-candidates' }, signal)).candidates,
    enabled: runKey !== null,
    staleTime: 0,
    refetchOnMount: 'always',
  });
}

/** The browser's WebGPU adapter, asked once per page (a refusal is an answer, not an error). */
export const webGpuProbeOptions = () =>
  queryOptions({
    queryKey: ['webgpu-probe'] as const,
    queryFn: (): Promise<WebGpuProbe> => probeWebGpu().catch((error: unknown) => ({ status: 'unavailable', reason: String(error) })),
    staleTime: Infinity,
  });

/** What the lab keeps in this browser; asked again whenever a run changes phase or a training run an epoch (`training`). */
export const storageFactsOptions = (phase: RunPhase, training = '') =>
  queryOptions({ queryKey: ['storage-facts', phase, training] as const, queryFn: storageFacts });

export const modelCacheUsageOptions = (phase: RunPhase) => queryOptions({ queryKey: ['model-cache-usage', phase] as const, queryFn: modelCacheUsage });

/**
 * A key part for a dataset: its label does not identify it (two folders can share a name) and its
 * handle or files cannot be hashed, so each DatasetRef object gets a number of its own.
 */
const identities = new WeakMap<DatasetRef, number>();
let nextIdentity = 1;
function datasetIdentity(dataset: DatasetRef): string {
  if (dataset.kind === 'http') return `http:${dataset.url}`;
  let id = identities.get(dataset);
  if (id === undefined) identities.set(dataset, (id = nextIdentity++));
  return `${dataset.kind}:${dataset.label}#${id}`;
}
