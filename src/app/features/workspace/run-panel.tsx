import { formatEta } from '../../lib/format';
import { useLabServices } from '../../state/lab-services';
import { useLabStore } from '../../state/lab-store';
import { startRun } from '../../state/run-actions';
import { isBusy, useRunStatus } from '../../state/run-status-store';
import { ModelDownloadProgress } from './model-download-progress';
import { ResumeNoticeBanner } from './resume-notice-banner';
import { SkippedFiles } from './skipped-files';
import { useDatasetLayout } from './use-dataset-layout';

/** The run: grid, images, backend, Compute / Pause / Cancel, and what the run reports while it goes. */
export function RunPanel() {
  const { client } = useLabServices();
  const run = useRunStatus();
  const selection = useLabStore((state) => state.selection);
  const select = useLabStore((state) => state.select);
  const busy = isBusy(run.phase);
  const { classListProblem } = useDatasetLayout();
  const start = () => startRun(client);
  const progress = run.progress;
  const percent = progress && progress.total ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <section className="panel" aria-labelledby="run-heading">
      <h2 id="run-heading">Run</h2>
      {run.backend?.fallbackReason && selection.provider === 'webgpu' && (
        <p className="banner warning" role="alert">
          Running on WebAssembly ({run.backend.wasmThreads} threads), not WebGPU: {run.backend.fallbackReason}.
        </p>
      )}
      <ResumeNoticeBanner />
      <div className="controls">
        <label className="field">
          Snippet grid
          <select value={selection.grid} disabled={busy} onChange={(event) => select({ grid: Number(event.target.value) })}>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}×{n}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Images
          <select
            aria-label="Images to encode"
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
        </label>
        <label className="field">
          Run on
          <select
            aria-label="Run on"
            value={selection.provider}
            disabled={busy}
            onChange={(event) => select({ provider: event.target.value === 'wasm' ? 'wasm' : 'webgpu' })}
          >
            <option value="webgpu">WebGPU (the GPU)</option>
            <option value="wasm">WebAssembly (the CPU)</option>
          </select>
        </label>
        <button type="button" className="primary" disabled={busy || classListProblem !== null} aria-describedby={classListProblem ? 'run-blocked' : undefined} onClick={start}>
          Compute pseudo labels
        </button>
        {run.phase === 'running' && <button type="button" onClick={() => client.send({ type: 'pause' })}>Pause</button>}
        {run.phase === 'paused' && <button type="button" onClick={() => client.send({ type: 'resume' })}>Resume</button>}
        {busy && <button type="button" onClick={() => client.send({ type: 'cancel' })}>Cancel</button>}
      </div>
      {classListProblem && (
        <p id="run-blocked" className="banner error">
          The class list in the Dataset panel must be fixed first: {classListProblem}
        </p>
      )}
      {run.stage && <p className="muted" role="status" aria-label="Run stage">{run.stage}</p>}
      <ModelDownloadProgress />
      {progress && (
        <div className="progress">
          <progress aria-label={progress.stage ? 'Images read' : 'Images encoded'} max={progress.total} value={progress.done} />
          <p role="status" aria-label="Run progress">
            {progress.done} / {progress.total} images ({percent}%) · {progress.imagesPerSecond.toFixed(1)} images/s · ETA {formatEta(progress.etaSeconds)}
            {progress.fromCache > 0 && ` · ${progress.fromCache} from the browser cache`}
            {progress.skipped > 0 && ` · ${progress.skipped} skipped`}
            {run.phase === 'paused' && ' · paused'}
          </p>
        </div>
      )}
      {run.backend && (
        <p className="muted" aria-label="Execution provider">
          Execution provider: <strong>{run.backend.provider === 'webgpu' ? 'WebGPU' : 'WebAssembly'}</strong>
        </p>
      )}
      {run.phase === 'complete' && (
        <p role="status" aria-label="Run result">
          {run.fixedScale !== null ? 'Reference cache open: ' : run.cacheFolder ? 'Cache folder open: ' : 'Done: '}
          {run.dataset?.images ?? 0} images
          {run.fixedScale !== null
            ? ', scores as the reference reproduction stored them'
            : run.cacheFolder
              ? `, embedded by ${run.cacheFolder.modelId} elsewhere, ${run.cacheFolder.imported ? `${run.cacheFolder.imported} stored in this browser now` : 'already in this browser'}`
              : run.recomputed === 0
              ? ', all from the browser cache (nothing recomputed)'
              : `, ${run.recomputed} encoded now`}
          {run.skipped.length > 0 && ` (${run.skipped.length} skipped: see below)`}.
        </p>
      )}
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
