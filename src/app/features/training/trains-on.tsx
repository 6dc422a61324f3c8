import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../../core/cdul/temperature';
import { runKeyFacts } from '../../../core/init-cache/run-key-parts';
import { scaleLabel } from '../../../core/lab/compare';
import { useLabStore } from '../../state/lab-store';
import { useRunStatus } from '../../state/run-status-store';

/** What a head trains on: the open run (dataset, split, images, model, grid) and the setting of its Y0. */
export function TrainsOn() {
  const runKey = useRunStatus((state) => state.runKey);
  const dataset = useRunStatus((state) => state.dataset);
  const shown = useRunStatus((state) => state.shown);
  // The images the run has scores for (skipped files are not among them).
  const images = useRunStatus((state) => state.images ?? state.dataset?.images ?? 0);
  const selectionLabel = useLabStore((state) => state.selection.dataset.label);
  const settings = useLabStore((state) => state.settings);
  if (!runKey || !dataset) return null;
  const facts = runKeyFacts(runKey);
  const label = shown?.kind === 'computed' ? shown.request.dataset.label : selectionLabel;
  const split = dataset.split ?? facts.split;
  const temperature = scaleLabel(settings.scale, PAPER_SCALE.scale, REFERENCE_REPRODUCTION_SCALE.scale);
  return (
    <p className="trains-on" role="note" aria-label="Trains on">
      Trains on <strong>{split === null ? 'every image' : `split ${split}`}</strong>: {images} images of {label}
      {facts.modelId ? `, ${facts.modelId}` : ''}
      {facts.grid ? `, ${facts.grid}×${facts.grid} grid` : ''}; Y0 at ζ {settings.zeta.toFixed(2)}, λ {settings.lambda.toFixed(2)}, temperature {temperature}.
    </p>
  );
}
