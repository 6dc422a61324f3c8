import type { GalleryMode } from '../../../core/lab/gallery';
import { LabGate } from '../../components/lab-gate';
import { MARK_TEXT } from '../../components/label-marks';
import { MissingFolderNotice } from '../../components/missing-folder-notice';
import { useGalleryData } from '../../state/gallery-data';
import { useLabStore } from '../../state/lab-store';
import { GalleryControlsBar } from './gallery-controls';
import { RefinedNote } from './refined-note';
import { VirtualGrid } from './virtual-grid';
import './gallery.css';

/** Every image of the finished run as a tile, marked against the ground truth at the label cut. */
export function GalleryView() {
  return (
    <LabGate what="Gallery">
      <Gallery />
    </LabGate>
  );
}

function Gallery() {
  const { query, data, order, indexOfId, marking, refined, controls } = useGalleryData();
  const settings = useLabStore((state) => state.settings);
  return (
    <div className="gallery">
      <MissingFolderNotice />
      <GalleryControlsBar classes={data?.classes ?? []} shown={order.length} total={data?.ids.length ?? 0} controls={controls} refined={refined} />
      {refined && <RefinedNote refined={refined} mode={marking.mode} cut={marking.cut} />}
      <p className="muted gallery-legend" aria-label="How labels are marked">
        A label is <em>predicted</em> when its {modeText(marking.mode)} score is ≥ the label cut ({marking.cut.toFixed(2)}); ζ = {settings.zeta.toFixed(2)}, λ ={' '}
        {settings.lambda.toFixed(2)}, difficult counted as {settings.difficult === 'positive' ? 'positive' : 'ignored'}. Marks:{' '}
        <span className="mark tp">{MARK_TEXT.tp.symbol} true positive</span> <span className="mark fp">{MARK_TEXT.fp.symbol} false positive</span>{' '}
        <span className="mark missed">{MARK_TEXT.missed.symbol} missed</span> (a ground-truth label below the cut).
      </p>
      {query.isError ? (
        <p className="banner error" role="alert">
          The gallery could not be loaded: {query.error.message}
        </p>
      ) : !data ? (
        <p className="muted" role="status" aria-label="Loading the gallery">
          Loading every image's pseudo labels…
        </p>
      ) : order.length === 0 ? (
        <p className="panel empty-state" role="status" aria-label="No images match">
          No image matches these filters. <ResetFilters />
        </p>
      ) : (
        <VirtualGrid data={data} order={order} indexOfId={indexOfId} marking={marking} />
      )}
    </div>
  );
}

function ResetFilters() {
  const setGallery = useLabStore((state) => state.setGallery);
  return (
    <button type="button" className="link" onClick={() => setGallery({ filter: 'all', classToken: null })}>
      Show every image
    </button>
  );
}

const modeText = (mode: GalleryMode) => (mode === 'initial' ? 'Y0 (training start)' : mode);
