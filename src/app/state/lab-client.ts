import { useQuery } from '@tanstack/react-query';
import type { LabQuery, LabResultOf } from '../../worker/lab/lab-protocol';
import type { PipelineClient } from './pipeline-client';
import { useRunStore } from './run-store';

let nextRequestId = 1;

/** Asks the worker one question about the finished run; rejects with the worker's message. */
export function askLab<Q extends LabQuery>(client: PipelineClient, query: Q): Promise<LabResultOf<Q['kind']>> {
  const requestId = nextRequestId++;
  return new Promise((resolve, reject) => {
    const stop = client.subscribe((message) => {
      if ((message.type !== 'query-result' && message.type !== 'query-error') || message.requestId !== requestId) return;
      stop();
      if (message.type === 'query-result') resolve(message.result as LabResultOf<Q['kind']>);
      else reject(new Error(message.message));
    });
    client.send({ type: 'query', requestId, query });
  });
}

/**
 * A view's query, cached by react-query under the run and the prompts in force (a new run or prompt
 * set makes every cached answer stale); null asks nothing (e.g. before a run is complete).
 */
export function useLabQuery<Q extends LabQuery>(client: PipelineClient, query: Q | null) {
  const runKey = useRunStore((state) => (state.phase === 'complete' ? state.runKey : null));
  const prompts = useRunStore((state) => state.prompts?.prompts.join('\n') ?? '');
  return useQuery({
    queryKey: ['lab', runKey, prompts, query],
    queryFn: () => askLab(client, query!),
    enabled: query !== null && runKey !== null,
    staleTime: Infinity,
    // While a new setting is computed, the last answer stays shown — but never another run's.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === runKey && previousQuery?.queryKey[2] === prompts ? previous : undefined),
  });
}
