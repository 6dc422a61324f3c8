import { useState } from 'react';
import type { StoredRunSummary } from '../../../worker/clients/storage-client';
import { formatBytes } from '../../lib/format-bytes';

/** dataset · split · model · grid, as the views' title line names a run. */
export const storedRunName = (run: StoredRunSummary): string => [run.dataset, run.split, run.modelId, `${run.grid}×${run.grid}`].join(' · ');

interface StoredRunRowProps {
  readonly run: StoredRunSummary;
  /** The run the views show: deleting it closes it, so the row asks first. */
  readonly shown: boolean;
  readonly disabled: boolean;
  readonly onDelete: (key: string) => Promise<void>;
}

/** One stored run of embeddings: what it is, its images and bytes, and its own Delete. */
export function StoredRunRow({ run, shown, disabled, onDelete }: StoredRunRowProps) {
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = async () => {
    setDeleting(true);
    try {
      await onDelete(run.key);
    } finally {
      setDeleting(false);
      setConfirming(false);
    }
  };
  return (
    <tr>
      <th scope="row">
        {storedRunName(run)}
        {shown && <span className="muted"> (shown in the views)</span>}
      </th>
      <td>{run.complete ? run.images : `${run.images} of ${run.totalImages} (unfinished)`}</td>
      <td>{formatBytes(run.bytes)}</td>
      <td>
        {confirming ? (
          <span>
            This run is shown in the views: deleting it closes it.{' '}
            <button type="button" onClick={() => void remove()} disabled={deleting}>
              Delete and close
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => (shown ? setConfirming(true) : void remove())} disabled={disabled || deleting}>
            {deleting ? 'Deleting…' : 'Delete'}
          </button>
        )}
      </td>
    </tr>
  );
}
