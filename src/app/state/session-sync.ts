import { useRunStore } from './run-store';
import { catalogModel, DEMO_DATASET, useSelectionStore } from './selection-store';
import { forgetRunInProgress, loadSelection, markRunFinished, saveSelection, type SessionSnapshot } from './session-store';
import type { DatasetRef, ModelRef } from '../../worker/protocol';

/**
 * Restores the last selection before the first render (so nothing the user clicks is overwritten by a
 * late restore), then keeps it saved on every change; a run that ends is forgotten as interrupted.
 */
export async function restoreSession(): Promise<void> {
  const saved = await loadSelection();
  const selection = useSelectionStore.getState();
  useSelectionStore.setState({
    dataset: saved.dataset ? sameDataset(saved.dataset) : selection.dataset,
    split: saved.split !== undefined ? saved.split : selection.split,
    model: saved.model ? sameModel(saved.model) : selection.model,
    grid: saved.grid ?? selection.grid,
    limit: saved.limit !== undefined ? saved.limit : selection.limit,
    provider: saved.provider ?? selection.provider,
  });
  if (saved.promptChoice) useRunStore.setState({ promptChoice: saved.promptChoice });
  useSelectionStore.subscribe(save);
  useRunStore.subscribe((state, previous) => {
    if (state.promptChoice !== previous.promptChoice) save();
    if (state.phase === previous.phase) return;
    // A reference cache or synthetic run was never remembered: markRunFinished leaves the last run alone then.
    if (state.phase === 'complete' && state.fixedScale === null) void markRunFinished();
    if (state.phase === 'cancelled' || state.phase === 'failed') void forgetRunInProgress();
  });
}


function save(): void {
  const { dataset, split, model, grid, limit, provider } = useSelectionStore.getState();
  const snapshot: SessionSnapshot = { dataset, split, model, grid, limit, provider, promptChoice: useRunStore.getState().promptChoice };
  void saveSelection(snapshot);
}

/** The demo stays the demo object (the panel compares by identity). */
export function sameDataset(dataset: DatasetRef): DatasetRef {
  const demo = DEMO_DATASET.kind === 'http' ? DEMO_DATASET.url : null;
  return dataset.kind === 'http' && dataset.url === demo ? DEMO_DATASET : dataset;
}

/** A catalog model follows this page's `?hub=` mirror, not the one of the page that saved it. */
export function sameModel(model: ModelRef): ModelRef {
  return model.kind === 'catalog' ? catalogModel(model.id, model.variant) : model;
}
