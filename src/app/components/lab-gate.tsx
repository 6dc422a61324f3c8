import type { ReactNode } from 'react';
import { useLabServices } from '../state/lab-services';
import { useLabStore } from '../state/lab-store';
import { startRun } from '../state/run-actions';
import { isBusy, useRunStatus } from '../state/run-status-store';
import { MissingFolderNotice } from './missing-folder-notice';

/**
 * The designed states of a results view before its data exists: no run yet (with the one click that
 * computes it — embeddings already in the browser are not computed again), a run going, a failed run.
 */
export function LabGate({ what, children }: { what: string; children: ReactNode }) {
  const { client } = useLabServices();
  const { phase, error, stage, progress, resumeNotice } = useRunStatus();
  const { dataset, split, limit, grid, provider, model } = useLabStore((state) => state.selection);
  const showView = useLabStore((state) => state.showView);
  if (phase === 'complete') return <>{children}</>;
  return (
    <>
      <MissingFolderNotice />
      <section className="panel empty-state" aria-label={`${what}: no results yet`}>
        <h2>{what}</h2>
        {isBusy(phase) ? (
          <p role="status" aria-label="Waiting for the run">
            {resumeNotice?.kind === 'reopened'
              ? 'Reopening from the browser cache…'
              : `The run is still going${progress ? ` (${progress.done} / ${progress.total} images)` : stage ? ` (${stage})` : ''}: this view fills in when it finishes.`}{' '}
            <button type="button" className="link" onClick={() => showView('workspace')}>
              Watch the run
            </button>
          </p>
        ) : (
          <>
            {phase === 'failed' && error && (
              <p className="banner error" role="alert">
                The last run failed: {error}
              </p>
            )}
            <p>
              There are no pseudo labels for <strong>{dataset.label}</strong> in this tab yet. Computing them uses{' '}
              {limit === null ? `every image of ${split ?? 'the annotated images'}` : `the first ${limit} images of ${split ?? 'the annotated images'}`}, {model.id},
              a {grid}×{grid} grid, on {provider === 'wasm' ? 'WebAssembly' : provider === 'webgpu' ? 'WebGPU' : 'the backend chosen for this adapter'}; images already encoded in this browser are read from its
              cache, not encoded again.
            </p>
            <p className="lab-gate-actions">
              <button type="button" className="primary" onClick={() => startRun(client)}>
                Compute pseudo labels
              </button>
              <button type="button" className="link" onClick={() => showView('workspace')}>
                Change the dataset, model or settings in the workspace
              </button>
            </p>
          </>
        )}
      </section>
    </>
  );
}
