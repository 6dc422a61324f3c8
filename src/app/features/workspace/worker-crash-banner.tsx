import { useRunStatus } from '../../state/run-status-store';
import { workerCrashText } from '../../state/worker-crash-notice';

/** What happened when the pipeline worker died on its own (state/worker-crash.ts); Resume is the run panel's. */
export function WorkerCrashBanner() {
  const crash = useRunStatus((state) => state.workerCrash);
  if (!crash) return null;
  // A stopped run needs the user (Resume); a restart outside a run only informs.
  return crash.kind === 'run-stopped' ? (
    <p className="banner warning" role="alert" aria-label="Pipeline worker stopped">
      {workerCrashText(crash)}
    </p>
  ) : (
    <p className="banner info" role="status" aria-label="Pipeline worker restarted">
      {workerCrashText(crash)}
    </p>
  );
}
