import { useRunStore } from '../../state/run-store';
import { useViewStore } from '../../state/view-store';

/** The designed empty state of a view that shows a finished run's results. */
export function NeedsRun({ what }: { what: string }) {
  const phase = useRunStore((state) => state.phase);
  const show = useViewStore((state) => state.show);
  const running = phase === 'running' || phase === 'paused';
  return (
    <section className="panel empty-state" aria-label={`${what}: no results yet`}>
      <h2>{what}</h2>
      <p>
        {running ? 'The run is still going: this view fills in when it finishes.' : 'There are no pseudo labels yet.'}{' '}
        <button type="button" className="link" onClick={() => show('workspace')}>
          {running ? 'Watch the run' : 'Go to the workspace and compute them'}
        </button>
      </p>
    </section>
  );
}
