import type { labelsChangedMost } from '../../../core/lab/compare';
import { naturalClassName } from '../../../core/voc';
import { useLabStore } from '../../state/lab-store';

/** The images whose labels moved most between A and B, each opening in the inspector. */
export function ChangedList({ changed }: { changed: ReturnType<typeof labelsChangedMost> }) {
  const openImage = useLabStore((state) => state.openImage);
  if (changed.length === 0) return <p className="muted">No image’s labels differ between A and B in this mode.</p>;
  return (
    <ol className="changed-list" aria-label="Images whose labels changed most">
      {changed.map((change) => (
        <li key={change.id}>
          <button type="button" className="link" onClick={() => openImage(change.id)} aria-label={`Open image ${change.id}`}>
            {change.id}
          </button>
          <span>
            {naturalClassName(change.className)}: {change.a.toFixed(3)} → {change.b.toFixed(3)}
          </span>
          <span className="muted">Σ|Δ| {change.total.toFixed(3)}</span>
        </li>
      ))}
    </ol>
  );
}
