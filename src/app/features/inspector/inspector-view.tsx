import { stepInOrder } from '../../../core/lab/heat-scale';
import { LabGate } from '../../components/lab-gate';
import { MissingFolderNotice } from '../../components/missing-folder-notice';
import { useGalleryData } from '../../state/gallery-data';
import { useLabStore } from '../../state/lab-store';
import { ImageDetail } from './image-detail';
import { useInspectorKeys } from './use-inspector-keys';
import './inspector.css';

/** One image of the finished run: its snippet heatmap and every score per class, in the gallery's order. */
export function InspectorView() {
  return (
    <LabGate what="Image">
      <Inspector />
    </LabGate>
  );
}

function Inspector() {
  const { data, order, indexOfId, query, refined } = useGalleryData();
  const imageId = useLabStore((state) => state.view.imageId);
  const openImage = useLabStore((state) => state.openImage);
  const show = useLabStore((state) => state.showView);
  const index = imageId === null ? undefined : indexOfId.get(imageId);
  const step = (delta: number) => {
    const next = stepInOrder(order, index ?? -1, delta);
    if (next !== null && data) openImage(data.ids[next]!);
  };

  useInspectorKeys(step, () => show('gallery'));

  const at = index === undefined ? -1 : order.indexOf(index);
  return (
    <div className="inspector">
      <MissingFolderNotice />
      <nav className="inspector-nav" aria-label="Image navigation">
        <button type="button" onClick={() => show('gallery')}>
          ← Gallery <kbd>Esc</kbd>
        </button>
        <button type="button" onClick={() => step(-1)} disabled={order.length === 0}>
          Previous image <kbd>←</kbd>
        </button>
        <button type="button" onClick={() => step(1)} disabled={order.length === 0}>
          Next image <kbd>→</kbd>
        </button>
        <span className="muted" role="status" aria-label="Position in the gallery">
          {index !== undefined && data
            ? at >= 0
              ? `${at + 1} of ${order.length} in the gallery's order`
              : `not in the gallery's current filter (${order.length} images)`
            : ''}
        </span>
      </nav>
      {query.isError ? (
        <p className="banner error" role="alert">
          The run's images could not be listed: {query.error.message}
        </p>
      ) : !data ? (
        <p className="muted" role="status" aria-label="Loading the image">
          Loading…
        </p>
      ) : index === undefined ? (
        <section className="panel empty-state" aria-label="No image chosen">
          <h2>Image</h2>
          <p>
            {imageId === null ? 'No image is open.' : `There is no image “${imageId}” in this run (${data.ids.length} images).`}{' '}
            {order.length > 0 && (
              <button type="button" className="link" onClick={() => openImage(data.ids[order[0]!]!)}>
                Open the first image of the gallery
              </button>
            )}
          </p>
        </section>
      ) : (
        <ImageDetail key={index} index={index} classes={data.classes} training={refined ? { labels: refined, data } : null} />
      )}
    </div>
  );
}
