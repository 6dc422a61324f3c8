import { useDatasetLayout } from '../state/dataset-layout';
import { useLabServices } from '../state/lab-services';
import { useLabStore } from '../state/lab-store';
import { startRun } from '../state/run-actions';
import { isBusy, useRunStatus, type RunStatus } from '../state/run-status-store';
import { formatTitle, selectionTitle, shownRunMatches, shownRunTitle } from '../state/shown-run';

/**
 * The title line every view carries: which run it shows ("dataset · split · model · grid · backend"),
 * and — when the workspace's selection has moved on (another folder, model, grid…) — that it is not
 * the selected run, with the one button that computes it (or reopens it: stored embeddings are read
 * from the browser, not encoded again).
 */
export function RunTitle() {
  const status = useRunStatus();
  const selection = useLabStore((state) => state.selection);
  const { shown, phase } = status;
  if (!shown || !(phase === 'complete' || isBusy(phase))) return null;
  const title = formatTitle(shownRunTitle(shown, factsOf(status)));
  const matches = shownRunMatches(shown, selection);
  return (
    <div className="run-title">
      <p role="note" aria-label="Run shown">
        <strong>{verb(status)}</strong> {title}
      </p>
      {!matches && <NotTheSelectedRun busy={isBusy(phase)} selected={formatTitle(selectionTitle(selection))} />}
    </div>
  );
}

function verb({ phase, resumeNotice, shown }: RunStatus): string {
  if (phase === 'complete') return 'Showing';
  if (resumeNotice?.kind === 'reopened') return 'Reopening';
  return shown?.kind === 'computed' ? 'Computing' : 'Opening';
}

const factsOf = (status: RunStatus) => ({
  ...(status.dataset ? { split: status.dataset.split } : {}),
  provider: status.backend?.provider ?? null,
  cacheFolder: status.cacheFolder,
});

function NotTheSelectedRun({ busy, selected }: { readonly busy: boolean; readonly selected: string }) {
  const { client } = useLabServices();
  const { runBlocked } = useDatasetLayout();
  const reason = busy ? 'The run in progress must finish (or be cancelled in the workspace) first.' : runBlocked;
  return (
    <p className="banner warning" role="status" aria-label="Not the selected run">
      This doesn't match the workspace's selection: {selected}.{' '}
      <button type="button" disabled={reason !== null} aria-describedby={reason ? 'run-title-blocked' : undefined} onClick={() => startRun(client)}>
        Compute or reopen the selected run
      </button>
      {reason && (
        <span id="run-title-blocked" className="muted">
          {' '}
          {reason}
        </span>
      )}
    </p>
  );
}
