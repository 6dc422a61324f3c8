import { useQuery } from '@tanstack/react-query';
import type { LabQuery } from '../../worker/protocol/lab-protocol';
import { labQueryOptions } from './queries';
import { useLabServices } from './lab-services';
import { useRunStatus } from './run-status-store';

/** The finished run the views ask about: its key and the prompts in force (null key before a run is complete). */
export function useFinishedRun(): { readonly runKey: string | null; readonly prompts: string } {
  const runKey = useRunStatus((state) => (state.phase === 'complete' ? state.runKey : null));
  const prompts = useRunStatus((state) => state.prompts?.prompts.join('\n') ?? '');
  return { runKey, prompts };
}

/**
 * A view's question about the finished run (null asks nothing). While a new setting is computed the
 * last answer stays shown — but never another run's or another prompt set's.
 */
export function useLabQuery<Q extends LabQuery>(query: Q | null) {
  const { client } = useLabServices();
  const run = useFinishedRun();
  return useQuery({
    ...labQueryOptions(client, run, query),
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === run.runKey && previousQuery?.queryKey[2] === run.prompts ? previous : undefined,
  });
}
