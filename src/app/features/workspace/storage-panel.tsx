import { useQuery, useQueryClient } from '@tanstack/react-query';
import { formatMegabytes } from '../../lib/format';
import { formatBytes } from '../../lib/format-bytes';
import { clearStoredRuns, deleteStoredRun } from '../../state/delete-stored-run';
import { storageFactsOptions } from '../../state/queries';
import { isBusy, useRunStatus } from '../../state/run-status-store';
import { useTrainingStore } from '../../state/training-store';
import { StoredRunsTable } from './stored-runs-table';

/** What the lab keeps in this browser (each run of embeddings, the training runs), and ways to free it. */
export function StoragePanel() {
  const phase = useRunStatus((state) => state.phase);
  const shownKey = useRunStatus((state) => state.runKey);
  const training = useTrainingStore((state) => state.runs.map((run) => `${run.meta.id}:${run.status}:${run.figures.length}`).join(','));
  const queries = useQueryClient();
  const facts = useQuery(storageFactsOptions(phase, training)).data ?? null;
  const busy = isBusy(phase);
  // Compare's grids and training's val splits are runs in the store too: every answer is asked again.
  const afterDeleting = () => queries.invalidateQueries();
  const deleteRun = async (key: string) => {
    await deleteStoredRun(key);
    await afterDeleting();
  };
  const clearRuns = async () => {
    await clearStoredRuns();
    await afterDeleting();
  };
  return (
    <section className="panel" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      {facts ? (
        <>
          <p aria-label="Browser storage">
            {facts.runs} run(s) of embeddings, {formatMegabytes(facts.runBytes)} · this site uses {formatMegabytes(facts.usage.usage)} of{' '}
            {formatMegabytes(facts.usage.quota)} · {facts.usage.persisted ? 'kept by the browser (persistent)' : 'may be evicted under storage pressure'}
          </p>
          <StoredRunsTable runs={facts.embeddingRuns} shownKey={shownKey} busy={busy} onDelete={deleteRun} />
          <p aria-label="Training runs stored">
            {facts.training.runs} training run(s), {formatBytes(facts.training.bytes)} (settings, curves, checkpoints; delete them in the Training view)
          </p>
        </>
      ) : (
        <p className="muted">Reading the browser's storage…</p>
      )}
      <button type="button" onClick={() => void clearRuns()} disabled={busy}>
        Clear computed embeddings
      </button>
    </section>
  );
}
