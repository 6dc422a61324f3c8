import { LabelledField } from '../../components/labelled-field';
import { useLabServices } from '../../state/lab-services';
import { useLabStore } from '../../state/lab-store';
import { useDatasetLayout } from '../../state/dataset-layout';
import { startRun } from '../../state/run-actions';
import { isBusy, useRunStatus } from '../../state/run-status-store';
import { cancelRun, pauseRun, resumeRun } from '../../state/run-stop';
import { BackendAdviceNote } from './backend-advice-note';
import { BackendField } from './backend-field';
import { ModelDownloadProgress } from './model-download-progress';
import { ResumeNoticeBanner } from './resume-notice-banner';
import { RunElsewhereNote } from './run-elsewhere-note';
import { RunProgress } from './run-progress';
import { RunResult } from './run-result';
import { SkippedFiles } from './skipped-files';
import { StaleChunksNote } from './stale-chunks-note';
import { WorkerCrashBanner } from './worker-crash-banner';

/** The run: grid, images, backend, Compute / Pause / Cancel, and what the run reports while it goes. */
export function RunPanel() {
  const { client } = useLabServices();
  const run = useRunStatus();
  const selection = useLabStore((state) => state.selection);
  const select = useLabStore((state) => state.select);
  const busy = isBusy(run.phase);
  const { runBlocked } = useDatasetLayout();
  const start = () => startRun(client);
  const stage = run.stopping === 'cancel' ? 'Cancelling…' : run.stopping === 'pause' ? 'Pausing…' : run.stage;
  return (
    <section className="panel" aria-labelledby="run-heading">
      <h2 id="run-heading">Run</h2>
      {run.backend?.fallbackReason && !run.backend.expected && selection.provider !== 'wasm' && (
        <p className="banner warning" role="alert">
          Running on WebAssembly ({run.backend.wasmThreads} thread{run.backend.wasmThreads === 1 ? '' : 's'}), not WebGPU: {run.backend.fallbackReason}.
        </p>
      )}
      <ResumeNoticeBanner />
      <RunElsewhereNote />
      <WorkerCrashBanner />
      <div className="controls">
        <LabelledField label="Snippet grid" className="field">
          {(id) => (
            <select id={id} value={selection.grid} disabled={busy} onChange={(event) => select({ grid: Number(event.target.value) })}>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}×{n}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LabelledField label="Images to encode" className="field">
          {(id) => (
            <select
              id={id}
              value={selection.limit ?? 'all'}
              disabled={busy}
              onChange={(event) => select({ limit: event.target.value === 'all' ? null : Number(event.target.value) })}
            >
              <option value="all">the whole split</option>
              {[8, 50, 200].map((n) => (
                <option key={n} value={n}>
                  the first {n}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        {/* Unlocked while paused: Resume runs on what it names. */}
        <BackendField disabled={run.phase === 'running'} />
        <button type="button" className="primary" disabled={busy || runBlocked !== null} aria-describedby={runBlocked ? 'run-blocked' : undefined} onClick={start}>
          Compute pseudo labels
        </button>
        {run.phase === 'running' && !run.stopping && <button type="button" onClick={() => pauseRun(client)}>Pause</button>}
        {run.phase === 'paused' && <button type="button" onClick={() => resumeRun(client)}>Resume</button>}
        {busy && run.stopping !== 'cancel' && <button type="button" onClick={() => cancelRun(client)}>Cancel</button>}
      </div>
      {runBlocked && (
        <p id="run-blocked" className="banner error">
          {runBlocked}
        </p>
      )}
      {stage && <p className="muted" role="status" aria-label="Run stage">{stage}</p>}
      <ModelDownloadProgress />
      <RunProgress />
      <StaleChunksNote />
      <BackendAdviceNote />
      {run.backend && (
        <p className="muted" aria-label="Execution provider">
          Execution provider: <strong>{run.backend.provider === 'webgpu' ? 'WebGPU' : 'WebAssembly'}</strong>
        </p>
      )}
      <RunResult />
      {run.phase === 'cancelled' && <p role="status">Cancelled. Finished chunks are kept; computing again resumes.</p>}
      {run.error && (
        <p className="banner error" role="alert">
          {run.error}
        </p>
      )}
      <SkippedFiles />
    </section>
  );
}
