import { useLabStore } from '../../state/lab-store';
import { useRunStatus } from '../../state/run-status-store';
import './results-ready.css';

/**
 * The way on after a run: the results panel lands below the fold, so a bar held at the bottom of the
 * screen (until the results scroll into view, where it sits above them) says they are ready and leads to
 * them, to the gallery and to Compare.
 */
export function ResultsReadyBar() {
  const complete = useRunStatus((state) => state.phase === 'complete');
  const images = useRunStatus((state) => state.images ?? state.dataset?.images ?? null);
  const showView = useLabStore((state) => state.showView);
  if (!complete) return null;
  const showResults = () => {
    const heading = document.getElementById('results-heading');
    heading?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    heading?.focus({ preventScroll: true });
  };
  return (
    <div className="results-ready" role="status" aria-label="Results ready">
      <p>
        <strong>Results ready</strong>
        {images !== null && ` — pseudo labels of ${images} images`} →
      </p>
      <button type="button" onClick={showResults}>
        Pseudo labels below
      </button>
      <button type="button" onClick={() => showView('gallery')}>
        Gallery
      </button>
      <button type="button" onClick={() => showView('compare')}>
        Compare
      </button>
    </div>
  );
}
