import { availableVariants, MODEL_CATALOG } from '../../core/clip/model-catalog';
import type { LabSettings } from '../../core/evaluation/lab-settings';
import { useLabStore, type LabStore } from './lab-store';
import { catalogModel, DEMO_DATASET, isBuiltInDataset, TRAINING_DEMO_DATASET, type Selection } from './selection';
import { datasetParam, formatUrlState, modelParam, parseUrlState, type ParsedUrlState, type UrlState } from './url-codec';

/** The state the URL describes now, from the store. */
export function currentUrlState(state: LabStore = useLabStore.getState()): UrlState {
  const { view, selection, settings, compare } = state;
  return {
    view: view.view,
    image: view.imageId,
    heatClass: view.heatClass,
    zeta: settings.zeta,
    lambda: settings.lambda,
    scale: settings.scale,
    convention: settings.convention,
    difficult: settings.difficult,
    dataset: datasetParam(selection.dataset),
    model: modelParam(selection.model),
    variant: selection.model.kind === 'catalog' ? selection.model.variant : null,
    grid: selection.grid,
    split: selection.split,
    limit: selection.limit,
    backend: selection.provider,
    compare: view.view === 'compare' ? { a: compare.a, b: compare.b } : null,
    gallery: view.gallery,
    refinedRun: view.refinedRun,
  };
}

/** Puts what the URL says into the store (the values it does not give are kept). */
export function applyUrlState(parsed: ParsedUrlState): void {
  const state = useLabStore.getState();
  const settings: { -readonly [K in keyof LabSettings]?: LabSettings[K] } = {};
  for (const key of ['zeta', 'lambda', 'scale', 'convention', 'difficult'] as const) {
    if (parsed[key] !== undefined) Object.assign(settings, { [key]: parsed[key] });
  }
  const { patch, missingFolder } = selectionPatch(parsed, state.selection);
  useLabStore.setState({
    view: {
      ...state.view,
      view: parsed.view ?? state.view.view,
      imageId: parsed.image ?? state.view.imageId,
      heatClass: parsed.heatClass ?? state.view.heatClass,
      gallery: { ...state.view.gallery, ...parsed.gallery },
      refinedRun: parsed.refinedRun ?? state.view.refinedRun,
      missingFolder,
    },
    settings: { ...state.settings, ...settings },
    compare: parsed.compare ? { ...state.compare, a: parsed.compare.a, b: parsed.compare.b } : state.compare,
    selection: { ...state.selection, ...patch },
  });
}

function selectionPatch(parsed: ParsedUrlState, selection: Selection): { patch: Partial<Selection>; missingFolder: string | null } {
  const patch: { -readonly [K in keyof Selection]?: Selection[K] } = {};
  let missingFolder: string | null = null;
  if (parsed.dataset === 'demo' && selection.dataset !== DEMO_DATASET) patch.dataset = DEMO_DATASET;
  if (parsed.dataset === 'training-demo' && selection.dataset !== TRAINING_DEMO_DATASET) patch.dataset = TRAINING_DEMO_DATASET;
  if (parsed.dataset?.startsWith('folder:')) {
    const label = parsed.dataset.slice('folder:'.length);
    if (isBuiltInDataset(selection.dataset) || selection.dataset.label !== label) missingFolder = label;
  }
  if (parsed.model !== undefined && !parsed.model.startsWith('local:')) {
    const variant = parsed.variant ?? 'fp32';
    const current = selection.model;
    if (current.kind !== 'catalog' || current.id !== parsed.model || current.variant !== variant) {
      const entry = MODEL_CATALOG.find((candidate) => candidate.id === parsed.model);
      if (entry && availableVariants(entry).includes(variant)) patch.model = catalogModel(parsed.model, variant);
    }
  }
  if (parsed.split !== undefined && !missingFolder) patch.split = parsed.split;
  if (parsed.grid !== undefined) patch.grid = parsed.grid;
  if (parsed.limit !== undefined) patch.limit = parsed.limit;
  if (parsed.backend !== undefined) patch.provider = parsed.backend;
  return { patch, missingFolder };
}

let installed = false;

/**
 * Reads the URL into the store (after the store is restored, before the first render), then keeps the
 * URL in step with the store, and the store with Back/Forward. A view change pushes a history entry
 * (Back returns to the previous view); every other change replaces the current one.
 */
export function installUrlState(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  applyUrlState(parseUrlState(window.location.search));
  let written = formatUrlState(currentUrlState(), window.location.search);
  let view = useLabStore.getState().view.view;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${written}${window.location.hash}`);
  useLabStore.subscribe((state) => {
    const next = formatUrlState(currentUrlState(state), window.location.search);
    const nextView = state.view.view;
    if (next === written && nextView === view) return;
    const url = `${window.location.pathname}${next}${window.location.hash}`;
    if (nextView !== view) window.history.pushState(null, '', url);
    else window.history.replaceState(window.history.state, '', url);
    written = next;
    view = nextView;
  });
  window.addEventListener('popstate', () => {
    const parsed = parseUrlState(window.location.search);
    // Back/Forward: the URL is already what it should be; record it so the writes it causes are not pushed.
    const current = currentUrlState();
    written = formatUrlState({ ...current, ...parsed, gallery: { ...current.gallery, ...parsed.gallery } }, window.location.search);
    view = parsed.view ?? view;
    applyUrlState(parsed);
  });
}
