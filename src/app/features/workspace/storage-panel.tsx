import { useQuery, useQueryClient } from '@tanstack/react-query';
import { clearComputedEmbeddings } from '../../../worker/clients/storage-client';
import { formatMegabytes } from '../../lib/format';
import { storageFactsOptions } from '../../state/queries';
import { isBusy, useRunStatus } from '../../state/run-status-store';

/** What the lab keeps in this browser (embeddings of every run), and a way to free it. */
export function StoragePanel() {
  const phase = useRunStatus((state) => state.phase);
  const queries = useQueryClient();
  const facts = useQuery(storageFactsOptions(phase)).data ?? null;
  const clearRuns = async () => {
    await clearComputedEmbeddings();
    await queries.invalidateQueries({ queryKey: storageFactsOptions(phase).queryKey });
  };
  return (
    <section className="panel" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      {facts ? (
        <p aria-label="Browser storage">
          {facts.runs} run(s) of embeddings, {formatMegabytes(facts.runBytes)} · this site uses {formatMegabytes(facts.usage.usage)} of{' '}
          {formatMegabytes(facts.usage.quota)} · {facts.usage.persisted ? 'kept by the browser (persistent)' : 'may be evicted under storage pressure'}
        </p>
      ) : (
        <p className="muted">Reading the browser's storage…</p>
      )}
      <button type="button" onClick={() => void clearRuns()} disabled={isBusy(phase)}>
        Clear computed embeddings
      </button>
    </section>
  );
}
