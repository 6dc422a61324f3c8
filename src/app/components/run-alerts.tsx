import { useLabStore } from '../state/lab-store';
import { useRunStatus } from '../state/run-status-store';
import { workerCrashText } from '../state/worker-crash-notice';

/**
 * What the pipeline reports, where the user is looking: on the gallery, image and compare views, a run
 * failure (storage full, unreadable model…), a switch to WebAssembly (a lost GPU device) and skipped
 * files appear above the view with the way to the workspace, where the details and the fixes are.
 * The workspace shows them in its run panel.
 */
export function RunAlerts() {
  const view = useLabStore((state) => state.view.view);
  const showView = useLabStore((state) => state.showView);
  const { error, backend, skipped, phase, workerCrash } = useRunStatus();
  const provider = useLabStore((state) => state.selection.provider);
  if (view === 'workspace') return null;
  const fellBack = backend?.fallbackReason && !backend.expected && provider !== 'wasm' ? backend.fallbackReason : null;
  const toWorkspace = (
    <button type="button" className="link" onClick={() => showView('workspace')}>
      Open the workspace
    </button>
  );
  return (
    <div className="run-alerts">
      {error && phase === 'failed' && (
        <p className="banner error" role="alert" aria-label="Run failed">
          The run stopped: {error} {toWorkspace}
        </p>
      )}
      {workerCrash && (
        <p className="banner warning" role="status" aria-label="Pipeline worker stopped">
          {workerCrashText(workerCrash)} {toWorkspace}
        </p>
      )}
      {fellBack && (
        <p className="banner warning" role="status" aria-label="Backend">
          Running on WebAssembly, not WebGPU: {fellBack}.
        </p>
      )}
      {skipped.length > 0 && (
        <p className="banner warning" role="status" aria-label="Skipped files">
          {skipped.length} file(s) could not be read and were skipped; the others were processed. {toWorkspace} for the list.
        </p>
      )}
    </div>
  );
}
