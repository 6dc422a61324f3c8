import { useEffect, useState } from 'react';
import { openEmbeddingStore, storageUsage, type StorageUsage } from '../../../worker/storage/embedding-store';
import { useRunStore } from '../../state/run-store';
import { formatMegabytes } from '../run/format';

const store = openEmbeddingStore();

interface StorageFacts {
  readonly usage: StorageUsage;
  readonly runs: number;
  readonly runBytes: number;
}

/** What the lab keeps in this browser (embeddings of every run), and a way to free it. */
export function StoragePanel() {
  const phase = useRunStore((state) => state.phase);
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  const refresh = () =>
    void Promise.all([storageUsage(), store.listRuns()]).then(([usage, runs]) =>
      setFacts({ usage, runs: runs.length, runBytes: runs.reduce((sum, run) => sum + run.bytes, 0) }),
    );
  useEffect(refresh, [phase]);
  const clearRuns = async () => {
    for (const run of await store.listRuns()) await store.deleteRun(run.key);
    refresh();
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
      <button type="button" onClick={() => void clearRuns()} disabled={phase === 'running' || phase === 'paused'}>
        Clear computed embeddings
      </button>
    </section>
  );
}
