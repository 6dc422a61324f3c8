import type { PipelineClient } from '../../worker/clients/pipeline-client';
import type { RunRequest } from '../../worker/protocol/pipeline-protocol';
import { useLabStore } from './lab-store';
import { startRun } from './run-actions';
import { forgetRunInProgress, loadInterruptedRun } from './run-journal';
import { setResumeNotice, setRunError } from './run-status-store';
import { sameDataset, sameModel } from './selection';

/**
 * On load: a run interrupted by a reload (or a closed tab) starts again by itself when its dataset can
 * be reopened without asking — the worker then skips every chunk already stored; otherwise the run
 * panel says what to click.
 */
export async function resumeInterruptedRun(client: PipelineClient): Promise<void> {
  const interrupted = await loadInterruptedRun();
  if (!interrupted) return;
  if ('unkeepable' in interrupted) {
    setResumeNotice({ kind: 'choose-again', label: interrupted.unkeepable });
    await forgetRunInProgress();
    return;
  }
  const request = { ...interrupted.request, dataset: sameDataset(interrupted.request.dataset), model: sameModel(interrupted.request.model) };
  // A finished run is reopened only for the selection it belongs to (a link may have chosen another).
  if (interrupted.finished && !matchesSelection(request)) return;
  const { dataset } = request;
  if (dataset.kind === 'directory' && (await dataset.handle.queryPermission?.({ mode: 'read' })) !== 'granted') {
    setResumeNotice({ kind: 'needs-permission', label: dataset.label, request });
    return;
  }
  resume(client, request, interrupted.finished ? 'reopened' : 'resumed');
}

function matchesSelection(request: RunRequest): boolean {
  const selection = useLabStore.getState().selection;
  const sameDatasetRef =
    request.dataset.kind === selection.dataset.kind &&
    (request.dataset.kind === 'http' && selection.dataset.kind === 'http' ? request.dataset.url === selection.dataset.url : request.dataset.label === selection.dataset.label);
  const sameModelRef =
    request.model.kind === 'catalog' && selection.model.kind === 'catalog' && request.model.id === selection.model.id && request.model.variant === selection.model.variant;
  return sameDatasetRef && sameModelRef && request.split === selection.split && request.grid === selection.grid && request.limit === selection.limit;
}

/** From the "Resume" button: the click lets the browser ask for the folder's permission again. */
export async function resumeWithPermission(client: PipelineClient, request: RunRequest): Promise<void> {
  const { dataset } = request;
  if (dataset.kind === 'directory' && (await dataset.handle.requestPermission?.({ mode: 'read' })) !== 'granted') {
    setRunError(`Reading '${dataset.label}' was not allowed, so the run was not resumed.`);
    await forgetRunInProgress();
    return;
  }
  resume(client, request);
}

function resume(client: PipelineClient, journalled: RunRequest, kind: 'resumed' | 'reopened' = 'resumed'): void {
  // The backend is this page's: the URL's `backend`, else "Run on" as the page left it (the same embeddings either way).
  const request = { ...journalled, preferredProvider: useLabStore.getState().selection.provider };
  useLabStore.getState().select({
    dataset: request.dataset,
    split: request.split,
    model: request.model,
    grid: request.grid,
    limit: request.limit,
    promptChoice: { template: request.promptTemplate, classNames: request.classNames ?? {} },
  });
  startRun(client, request);
  setResumeNotice({ kind, label: request.dataset.label });
}
