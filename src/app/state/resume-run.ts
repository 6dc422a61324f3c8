import type { RunRequest } from '../../worker/protocol';
import type { PipelineClient } from './pipeline-client';
import { useRunStore } from './run-store';
import { useSelectionStore } from './selection-store';
import { sameDataset, sameModel } from './session-sync';
import { forgetRunInProgress, loadInterruptedRun } from './session-store';
import { startRun } from './start-run';

/** What the run panel says about a run the last page left unfinished. */
export type ResumeNotice =
  | { readonly kind: 'resumed'; readonly label: string }
  /** The selection's finished run, reopened from the browser cache so the views show it again. */
  | { readonly kind: 'reopened'; readonly label: string }
  /** A folder whose read permission must be granted again by a click (the browser's rule). */
  | { readonly kind: 'needs-permission'; readonly label: string; readonly request: RunRequest }
  /** Files chosen by upload cannot be reopened: the user chooses the folder again. */
  | { readonly kind: 'choose-again'; readonly label: string };

/**
 * On load: a run interrupted by a reload (or a closed tab) starts again by itself when its dataset can
 * be reopened without asking — the worker then skips every chunk already stored; otherwise the run
 * panel says what to click.
 */
export async function resumeInterruptedRun(client: PipelineClient): Promise<void> {
  const interrupted = await loadInterruptedRun();
  if (!interrupted) return;
  if ('unkeepable' in interrupted) {
    useRunStore.setState({ resumeNotice: { kind: 'choose-again', label: interrupted.unkeepable } });
    await forgetRunInProgress();
    return;
  }
  const request = { ...interrupted.request, dataset: sameDataset(interrupted.request.dataset), model: sameModel(interrupted.request.model) };
  // A finished run is reopened only for the selection it belongs to (a link may have chosen another).
  if (interrupted.finished && !matchesSelection(request)) return;
  const { dataset } = request;
  if (dataset.kind === 'directory' && (await dataset.handle.queryPermission?.({ mode: 'read' })) !== 'granted') {
    useRunStore.setState({ resumeNotice: { kind: 'needs-permission', label: dataset.label, request } });
    return;
  }
  resume(client, request, interrupted.finished ? 'reopened' : 'resumed');
}

function matchesSelection(request: RunRequest): boolean {
  const selection = useSelectionStore.getState();
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
    useRunStore.setState({ resumeNotice: null, error: `Reading '${dataset.label}' was not allowed, so the run was not resumed.` });
    await forgetRunInProgress();
    return;
  }
  resume(client, request);
}

function resume(client: PipelineClient, request: RunRequest, kind: 'resumed' | 'reopened' = 'resumed'): void {
  useSelectionStore.setState({
    dataset: request.dataset,
    split: request.split,
    model: request.model,
    grid: request.grid,
    limit: request.limit,
    provider: request.preferredProvider,
  });
  useRunStore.setState({ promptChoice: { template: request.promptTemplate, classNames: request.classNames ?? {} } });
  startRun(client, request);
  useRunStore.setState({ resumeNotice: { kind, label: request.dataset.label } });
}
