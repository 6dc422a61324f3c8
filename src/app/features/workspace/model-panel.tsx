import { useEffect, useState } from 'react';
import { clearModelCache, modelCacheUsage } from '../../../worker/models/model-cache';
import { MODEL_CATALOG, approxModelBytes, availableVariants, catalogEntry, type ModelVariant } from '../../../worker/models/model-catalog';
import { catalogModel, useSelectionStore } from '../../state/selection-store';
import { useRunStore } from '../../state/run-store';
import { formatMegabytes } from '../run/format';

export function ModelPanel() {
  const { model, setModel } = useSelectionStore();
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
  const phase = useRunStore((state) => state.phase);
  const [bytes, setBytes] = useState<number | null>(null);
  const refresh = () => void modelCacheUsage().then((usage) => setBytes(usage.bytes), () => setBytes(null));
  useEffect(refresh, [phase]);
  return (
    <p className="muted" aria-label="Model cache">
      Models kept in this browser: {bytes === null ? '—' : formatMegabytes(bytes)}{' '}
      <button type="button" className="link" onClick={() => void clearModelCache().then(refresh)}>
        Clear model cache
      </button>
    </p>
  );
}
