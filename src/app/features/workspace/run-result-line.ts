import type { RunStatus } from '../../state/run-status-store';

/** The run panel's sentence for a finished run (run-result.tsx); the image count is the run's, skipped files apart. */
export function resultLine(run: Pick<RunStatus, 'images' | 'dataset' | 'recomputed' | 'skipped' | 'fixedScale' | 'cacheFolder' | 'shown'>): string {
  const images = run.images ?? run.dataset?.images ?? 0;
  const skipped = run.skipped.length > 0 ? ` (${run.skipped.length} skipped: see below)` : '';
  if (run.fixedScale !== null) {
    const cache = run.shown?.kind === 'reference-cache' ? `${run.shown.clip} · ${run.shown.grid}×${run.shown.grid} · ` : '';
    return `Reference cache ${cache}its own temperature: ${images} images${skipped}, scores as the reference reproduction stored them.`;
  }
  if (run.cacheFolder) {
    const { modelId, imported } = run.cacheFolder;
    return `Cache folder open: ${images} images${skipped}, embedded by ${modelId} elsewhere, ${imported ? `${imported} stored in this browser now` : 'already in this browser'}.`;
  }
  const encoded = run.recomputed === 0 ? 'all from the browser cache (nothing recomputed)' : `${run.recomputed} encoded now`;
  return `Done: ${images} images${skipped}, ${encoded}.`;
}
