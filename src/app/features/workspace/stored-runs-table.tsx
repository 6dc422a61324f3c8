import type { StoredRunSummary } from '../../../worker/clients/storage-client';
import { StoredRunRow } from './stored-run-row';

interface StoredRunsTableProps {
  readonly runs: readonly StoredRunSummary[];
  /** The store key of the run the views show, if any. */
  readonly shownKey: string | null;
  /** A run is going: nothing is deleted under it. */
  readonly busy: boolean;
  readonly onDelete: (key: string) => Promise<void>;
}

/** Every stored run of image embeddings, most recent first, each deletable on its own. */
export function StoredRunsTable({ runs, shownKey, busy, onDelete }: StoredRunsTableProps) {
  if (runs.length === 0) return <p className="muted">No run of embeddings is stored in this browser.</p>;
  return (
    <table aria-label="Stored runs of embeddings">
      <thead>
        <tr>
          <th scope="col" title="dataset · split · model · grid">Run</th>
          <th scope="col">Images</th>
          <th scope="col">Size</th>
          <th scope="col">
            <span className="visually-hidden">Delete</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <StoredRunRow key={run.key} run={run} shown={run.key === shownKey} disabled={busy} onDelete={onDelete} />
        ))}
      </tbody>
    </table>
  );
}
