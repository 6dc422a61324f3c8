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

/** Every image of the finished run as a tile, marked against the ground truth at the label cut (when there is one). */
export function GalleryView() {
  return (
    <LabGate what="Gallery">
      <Gallery />
    </LabGate>
  );
}

function Gallery() {
  const { query, data, order, indexOfId, marking, refined, controls, abilities } = useGalleryData();
  return (
    <div className="gallery">
      <MissingFolderNotice />
      <GalleryControlsBar classes={data?.classes ?? []} shown={order.length} total={data?.ids.length ?? 0} controls={controls} refined={refined} abilities={abilities} />
      {refined && <RefinedNote refined={refined} mode={marking.mode} cut={marking.cut} />}
      <GalleryLegend mode={marking.mode} cut={marking.cut} truth={abilities.truth} />
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

/** What "predicted" means, and the marks against the ground truth — or that there is none to mark against. */
function GalleryLegend({ mode, cut, truth }: { mode: GalleryMode; cut: number; truth: boolean }) {
  const settings = useLabStore((state) => state.settings);
  const predicted = (
    <>
      A label is <em>predicted</em> when its {modeText(mode)} score is ≥ the label cut ({cut.toFixed(2)}); ζ = {settings.zeta.toFixed(2)}, λ = {settings.lambda.toFixed(2)}
    </>
  );
  if (!truth) {
    return (
      <p className="muted gallery-legend" aria-label="How labels are marked">
        {predicted}. This dataset has no ground truth, so labels are not marked right or wrong: each tile lists its predicted labels with their scores
        and how many it has. Sort by confidence, label count or margin to find the images to check first.
      </p>
    );
  }
  return (
    <p className="muted gallery-legend" aria-label="How labels are marked">
      {predicted}, difficult counted as {settings.difficult === 'positive' ? 'positive' : 'ignored'}. Marks:{' '}
      <span className="mark tp">{MARK_TEXT.tp.symbol} true positive</span> <span className="mark fp">{MARK_TEXT.fp.symbol} false positive</span>{' '}
      <span className="mark missed">{MARK_TEXT.missed.symbol} missed</span> (a ground-truth label below the cut).
    </p>
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
