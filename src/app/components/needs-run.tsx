import { useLabStore } from '../state/lab-store';
import { isBusy, useRunStatus } from '../state/run-status-store';

/** The designed empty state of a view that shows a finished run's results: the way to the workspace. */
export function NeedsRun({ what }: { what: string }) {
  const running = useRunStatus((state) => isBusy(state.phase));
  const reopening = useRunStatus((state) => state.resumeNotice?.kind === 'reopened');
  const showView = useLabStore((state) => state.showView);
  return (
    <section className="panel empty-state" aria-label={`${what}: no results yet`}>
      <h2>{what}</h2>
      <p>
        {running ? (reopening ? 'Reopening from the browser cache…' : 'The run is still going: this view fills in when it finishes.') : 'There are no pseudo labels yet.'}{' '}
        <button type="button" className="link" onClick={() => showView('workspace')}>
          {running ? 'Watch the run' : 'Go to the workspace and compute them'}
        </button>
      </p>
    </section>
  );
}
