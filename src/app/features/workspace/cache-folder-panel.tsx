import { FolderInput } from '../../components/folder-input';
import type { DatasetRef } from '../../../worker/protocol/pipeline-protocol';
import { useLabServices } from '../../state/lab-services';
import { openCacheFolder } from '../../state/run-actions';
import { isBusy, useRunStatus } from '../../state/run-status-store';

/**
 * A `cdul cache` output folder — e.g. merged from a cluster's shards — opened next to the dataset it
 * was computed from, like a finished run: its embeddings go into the browser's store, so temperature,
 * ζ, λ, the views and training work; prompts too when the lab's model is the cache's.
 */
export function CacheFolderPanel() {
  const { client } = useLabServices();
  const { phase, cacheFolder } = useRunStatus();
  const busy = isBusy(phase);
  const open = (cache: DatasetRef) => openCacheFolder(client, cache);
  const pickDirectory = async () => {
    try {
      const handle = await window.showDirectoryPicker!({ mode: 'read' });
      open({ kind: 'directory', handle, label: handle.name });
    } catch {
      // The user closed the picker.
    }
  };
  return (
    <section className="panel" aria-labelledby="cache-folder-heading">
      <h2 id="cache-folder-heading">A cache computed elsewhere</h2>
      <p className="muted">
        The output folder of <code>cdul cache</code> (or of <code>cdul merge</code> after a sharded run), opened next to the
        dataset it was computed from (the one chosen above), whose photos give the thumbnails and heatmap backgrounds. Its embeddings are stored in the browser like a computed run.
      </p>
      <div className="controls">
        {typeof window.showDirectoryPicker === 'function' && (
          <button type="button" disabled={busy} onClick={pickDirectory}>
            Open cache folder…
          </button>
        )}
        <FolderInput name="Choose a cdul cache folder" disabled={busy} label={(top) => top} onFolder={open} />
      </div>
      {phase === 'complete' && cacheFolder && (
        <p role="status" aria-label="Cache folder">
          Open: <strong>{cacheFolder.label}</strong> · {cacheFolder.modelId} · {cacheFolder.grid}×{cacheFolder.grid} grid ·{' '}
          {cacheFolder.promptsUnavailable
            ? `temperature, ζ, λ, the views and training work; ${cacheFolder.promptsUnavailable}.`
            : 'prompt changes run its model’s text encoder.'}
        </p>
      )}
    </section>
  );
}
