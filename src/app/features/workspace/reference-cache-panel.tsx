import { useEffect } from 'react';
import type { ReferenceCacheModel } from '../../../core/ref-cache/reference-cache-layout';
import type { PipelineClient } from '../../state/pipeline-client';
import { useRunStore } from '../../state/run-store';
import { useSelectionStore } from '../../state/selection-store';

/**
 * The reference PyTorch reproduction's caches (clip_cache/model_*) found in the selected VOC folder,
 * each evaluable and browsable like the lab's own runs — with the scores it stored (global, α, β at
 * its temperature), so without heatmaps or other temperatures.
 */
export function ReferenceCachePanel({ client }: { client: PipelineClient }) {
  const { dataset, split } = useSelectionStore();
  const listed = useRunStore((state) => state.referenceCaches);
  const busy = useRunStore((state) => state.phase === 'running' || state.phase === 'paused');
  useEffect(() => client.send({ type: 'list-reference-caches', dataset }), [client, dataset]);
  const caches = listed[dataset.label] ?? [];
  if (caches.length === 0) return null;
  const open = (cache: ReferenceCacheModel, grid: number) => {
    useRunStore.getState().begin();
    client.send({ type: 'open-reference-cache', request: { dataset, split, modelPath: cache.path, grid } });
  };
  return (
    <section className="panel" aria-labelledby="reference-caches-heading">
      <h2 id="reference-caches-heading">Reference caches in this folder</h2>
      <p className="muted">
        The reference reproduction's <code>clip_cache/</code>: global, α and β per image at its temperature (1/ln 100). They
        are evaluated and browsed like a run; heatmaps need per-snippet scores, which it did not store.
      </p>
      <ul className="reference-caches" aria-label="Reference caches">
        {caches.map((cache) =>
          cache.grids
            .filter((grid) => grid.hasAlphaBeta && cache.hasGlobal)
            .map((grid) => (
              <li key={`${cache.path}/${grid.grid}`}>
                <strong>{cache.clip}</strong> · {grid.grid}×{grid.grid} grid
                {grid.cachedThresholds.length > 0 && ` · aggregates cached at ζ = ${grid.cachedThresholds.join(', ')}`}{' '}
                <button type="button" disabled={busy} onClick={() => open(cache, grid.grid)}>
                  Evaluate {cache.clip} ({grid.grid}×{grid.grid})
                </button>
              </li>
            )),
        )}
      </ul>
    </section>
  );
}
