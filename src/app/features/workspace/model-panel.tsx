import { useQuery, useQueryClient } from '@tanstack/react-query';
import { MODEL_CATALOG, approxModelBytes, availableVariants, catalogEntry, type ModelVariant } from '../../../core/clip/model-catalog';
import { clearModelCache } from '../../../worker/clients/model-cache-client';
import { formatMegabytes } from '../../lib/format';
import { useLabStore } from '../../state/lab-store';
import { modelCacheUsageOptions } from '../../state/queries';
import { useRunStatus } from '../../state/run-status-store';
import { catalogModel } from '../../state/selection';

export function ModelPanel() {
  const model = useLabStore((state) => state.selection.model);
  const select = useLabStore((state) => state.select);
  const setModel = (next: typeof model) => select({ model: next });
  const entry = model.kind === 'catalog' ? catalogEntry(model.id) : null;
  return (
    <section className="panel" aria-labelledby="model-heading">
      <h2 id="model-heading">Model</h2>
      <label className="field">
        CLIP model
        <select value={entry?.id ?? 'local'} onChange={(event) => setModel(catalogModel(event.target.value))}>
          {MODEL_CATALOG.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.appPath ? `${candidate.label} (built in)` : `${candidate.label} (download)`}
            </option>
          ))}
          {!entry && <option value="local">{model.id} (your files)</option>}
        </select>
      </label>
      {entry && model.kind === 'catalog' && (
        <label className="field">
          Precision
          <select value={model.variant} onChange={(event) => setModel(catalogModel(entry.id, event.target.value as ModelVariant))}>
            {availableVariants(entry).map((variant) => (
              <option key={variant} value={variant}>
                {variant} · ≈{formatMegabytes(approxModelBytes(entry, variant))}
              </option>
            ))}
          </select>
        </label>
      )}
      {entry && <p className="muted">{entry.description}</p>}
      <label className="file-button">
        Choose model files
        <input
          type="file"
          aria-label="Choose model files"
          // @ts-expect-error: webkitdirectory is a non-standard attribute React passes through
          webkitdirectory=""
          multiple
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            const id = files[0]?.webkitRelativePath.split('/')[0] || 'local-model';
            if (files.length) setModel({ kind: 'files', id, files });
          }}
        />
      </label>
      <ModelCacheLine />
    </section>
  );
}

/** What the browser keeps of downloaded models, and a way to free it. */
function ModelCacheLine() {
  const phase = useRunStatus((state) => state.phase);
  const queries = useQueryClient();
  const usage = useQuery(modelCacheUsageOptions(phase));
  const bytes = usage.data?.bytes ?? null;
  const refresh = () => void queries.invalidateQueries({ queryKey: modelCacheUsageOptions(phase).queryKey });
  return (
    <p className="muted" aria-label="Model cache">
      Models kept in this browser: {bytes === null ? '—' : formatMegabytes(bytes)}{' '}
      <button type="button" className="link" onClick={() => void clearModelCache().then(refresh)}>
        Clear model cache
      </button>
    </p>
  );
}
