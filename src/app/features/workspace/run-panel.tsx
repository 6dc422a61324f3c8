import { resumeWithPermission } from '../../state/resume-run';
import { startRun } from '../../state/start-run';
import type { PipelineClient } from '../../state/pipeline-client';
import { useRunStore } from '../../state/run-store';
import { useSelectionStore } from '../../state/selection-store';
import { formatEta, formatMegabytes } from './format';

export function RunPanel({ client }: { client: PipelineClient }) {
  const run = useRunStore();
  const selection = useSelectionStore();
  const busy = run.phase === 'running' || run.phase === 'paused';
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
      <ResumeNoticeBanner client={client} />
      <div className="controls">
        <label className="field">
          Snippet grid
          <select value={selection.grid} disabled={busy} onChange={(event) => selection.setGrid(Number(event.target.value))}>
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
            onChange={(event) => selection.setLimit(event.target.value === 'all' ? null : Number(event.target.value))}
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
            onChange={(event) => selection.setProvider(event.target.value === 'wasm' ? 'wasm' : 'webgpu')}
          >
            <option value="webgpu">WebGPU (the GPU)</option>
            <option value="wasm">WebAssembly (the CPU)</option>
          </select>
        </label>
        <button type="button" className="primary" disabled={busy} onClick={start}>
          Compute pseudo labels
        </button>
        {run.phase === 'running' && <button type="button" onClick={() => client.send({ type: 'pause' })}>Pause</button>}
        {run.phase === 'paused' && <button type="button" onClick={() => client.send({ type: 'resume' })}>Resume</button>}
        {busy && <button type="button" onClick={() => client.send({ type: 'cancel' })}>Cancel</button>}
      </div>
      {run.stage && <p className="muted" role="status" aria-label="Run stage">{run.stage}</p>}
      <ModelDownload />
      {progress && (
        <div className="progress">
          <progress aria-label="Images encoded" max={progress.total} value={progress.done} />
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
          {run.fixedScale !== null ? 'Reference cache open: ' : 'Done: '}
          {run.dataset?.images ?? 0} images
          {run.fixedScale !== null
            ? ', scores as the reference reproduction stored them'
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

/** One aggregate bar for every file of the model (MB done / total, ETA), or "from the browser cache". */
function ModelDownload() {
  const download = useRunStore((state) => state.modelDownload);
  if (!download) return null;
  const percent = download.totalBytes ? Math.round((100 * download.loadedBytes) / download.totalBytes) : 0;
  return (
    <div className="progress">
      <progress aria-label="Model download" max={download.totalBytes || 1} value={download.loadedBytes} />
      <p role="status" aria-label="Model download status">
        Model: {formatMegabytes(download.loadedBytes)} / {formatMegabytes(download.totalBytes)} ({percent}%)
        {download.fromCache ? ' · from the browser cache' : ` · ETA ${formatEta(download.etaSeconds)}`}
        {` · ${download.filesDone}/${download.filesTotal} files`}
      </p>
    </div>
  );
}

function SkippedFiles() {
  const skipped = useRunStore((state) => state.skipped);
  if (skipped.length === 0) return null;
  return (
    <details open className="skipped">
      <summary>{skipped.length} file(s) skipped — the others were processed</summary>
      <ul aria-label="Skipped files">
        {skipped.map((item) => (
          <li key={item.id}>{item.reason}</li>
        ))}
      </ul>
    </details>
  );
}

/** About the run the last page left unfinished: resumed, or what to click to resume it. */
function ResumeNoticeBanner({ client }: { client: PipelineClient }) {
  const notice = useRunStore((state) => state.resumeNotice);
  if (!notice) return null;
  switch (notice.kind) {
    case 'resumed':
      return (
        <p className="banner info" role="status" aria-label="Resumed run">
          Resumed the run on {notice.label} that the reload interrupted: images already stored are not encoded again.
        </p>
      );
    case 'reopened':
      return (
        <p className="banner info" role="status" aria-label="Reopened run">
          Reopened your last run on {notice.label} from the browser cache (nothing is encoded again).
        </p>
      );
    case 'needs-permission':
      return (
        <p className="banner info" role="alert">
          The run on {notice.label} was interrupted. The browser needs your permission to read the folder again.{' '}
          <button type="button" onClick={() => void resumeWithPermission(client, notice.request)}>
            Resume the run
          </button>
        </p>
      );
    case 'choose-again':
      return (
        <p className="banner info" role="alert">
          The run on {notice.label} was interrupted. Files chosen by upload cannot be reopened after a reload: choose the
          folder again and press “Compute pseudo labels” — the images already stored are not encoded again.
        </p>
      );
  }
}
