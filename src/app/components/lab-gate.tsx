import type { ReactNode } from 'react';
import type { PipelineClient } from '../../state/pipeline-client';
import { useRunStore } from '../../state/run-store';
import { useSelectionStore } from '../../state/selection-store';
import { startRun } from '../../state/start-run';
import { useUrlNotice } from '../../state/url-state';
import { useViewStore } from '../../state/view-store';

/** What a link asked for that the lab cannot open by itself: a folder (a URL can only name it). */
export function MissingFolderNotice() {
  const missingFolder = useUrlNotice((state) => state.missingFolder);
  const dataset = useSelectionStore((state) => state.dataset);
  if (missingFolder === null || dataset.label === missingFolder) return null;
  return (
    <p className="banner warning" role="alert" aria-label="Dataset from the link">
      This link was made on the folder <strong>{missingFolder}</strong>, which this lab does not have open (a web page cannot open a folder by
      its name). Open that folder in the workspace's Dataset panel; until then the lab shows <strong>{dataset.label}</strong>.
    </p>
  );
}

/**
 * The designed states of a results view before its data exists: no run yet (with the one click that
 * computes it — embeddings already in the browser are not computed again), a run going, a failed run.
 */
export function LabGate({ what, client, children }: { what: string; client: PipelineClient; children: ReactNode }) {
  const phase = useRunStore((state) => state.phase);
  const error = useRunStore((state) => state.error);
  const stage = useRunStore((state) => state.stage);
  const progress = useRunStore((state) => state.progress);
  const { dataset, split, limit, grid, provider, model } = useSelectionStore();
  const show = useViewStore((state) => state.show);
  if (phase === 'complete') return <>{children}</>;
  const running = phase === 'running' || phase === 'paused';
  return (
    <>
      <MissingFolderNotice />
      <section className="panel empty-state" aria-label={`${what}: no results yet`}>
        <h2>{what}</h2>
        {running ? (
          <p role="status" aria-label="Waiting for the run">
            The run is still going{progress ? ` (${progress.done} / ${progress.total} images)` : stage ? ` (${stage})` : ''}: this view fills in when it finishes.{' '}
            <button type="button" className="link" onClick={() => show('workspace')}>
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
              a {grid}×{grid} grid, on {provider === 'wasm' ? 'WebAssembly' : 'WebGPU'}; images already encoded in this browser are read from its
              cache, not encoded again.
            </p>
            <p className="lab-gate-actions">
              <button type="button" className="primary" onClick={() => startRun(client)}>
                Compute pseudo labels
              </button>
              <button type="button" className="link" onClick={() => show('workspace')}>
                Change the dataset, model or settings in the workspace
              </button>
            </p>
          </>
        )}
      </section>
    </>
  );
}
