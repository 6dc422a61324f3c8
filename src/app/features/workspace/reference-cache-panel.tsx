import { useQuery } from '@tanstack/react-query';
import { useLabServices } from '../../state/lab-services';
import { useLabStore } from '../../state/lab-store';
import { referenceCachesOptions } from '../../state/queries';
import { openReferenceCache } from '../../state/run-actions';
import { isBusy, useRunStatus } from '../../state/run-status-store';

/**
 * The reference PyTorch reproduction's caches (clip_cache/model_*) found in the selected VOC folder,
 * each evaluable and browsable like the lab's own runs — with the scores it stored (global, α, β at
 * its temperature), so without heatmaps or other temperatures.
 */
export function ReferenceCachePanel() {
  const { client } = useLabServices();
  const { dataset, split } = useLabStore((state) => state.selection);
  const busy = useRunStatus((state) => isBusy(state.phase));
  const caches = useQuery(referenceCachesOptions(client, dataset)).data ?? [];
  if (caches.length === 0) return null;
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
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => openReferenceCache(client, { dataset, split, modelPath: cache.path, grid: grid.grid }, cache.clip)}
                >
                  Evaluate {cache.clip} ({grid.grid}×{grid.grid})
                </button>
              </li>
            )),
        )}
      </ul>
    </section>
  );
}
