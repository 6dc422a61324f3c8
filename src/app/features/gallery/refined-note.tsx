import type { GalleryMode } from '../../../core/lab/gallery';
import type { RefinedLabels } from '../../state/training-store';

/** Which training run's labels the gallery can show, and what its marks and changes mean. */
export function RefinedNote({ refined, mode, cut }: { refined: RefinedLabels; mode: GalleryMode; cut: number }) {
  return (
    <p className="muted gallery-refined-note" role="note" aria-label="Refined labels">
      Training run {refined.runName}, epoch {refined.epoch}: its refined pseudo labels and Y0 (the labels it started from) can be shown under Labels.
      {mode === 'refined' && (
        <>
          {' '}
          Each tile also lists what training changed at the label cut ({cut.toFixed(2)}): <span className="change gained">+ gained</span>,{' '}
          <span className="change lost">− lost</span>.
        </>
      )}
    </p>
  );
}
