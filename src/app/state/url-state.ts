import { create } from 'zustand';
import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../core/cdul/temperature';
import { MAX_GRID, MIN_GRID } from '../../core/cdul/snippet-grid';
import { availableVariants, MODEL_CATALOG, type ModelCatalogEntry, type ModelVariant } from '../../worker/models/model-catalog';
import type { DatasetRef, ModelRef, PseudoLabelSettingsMessage } from '../../worker/protocol';
import { useCompareStore } from './compare-store';
import { formatCompareSide, parseCompareSide } from './compare-url';
import { useRunStore } from './run-store';
import { catalogModel, DEMO_DATASET, useSelectionStore } from './selection-store';
import { LAB_VIEWS, useViewStore, type LabView } from './view-store';

/**
 * The workspace in the URL, so a view can be bookmarked and shared: view, image, settings, model,
 * grid, split, subset, backend and dataset. The view change pushes a history entry (Back returns to
 * the previous view); every other change replaces the current one. On load the URL wins over the
 * session restored from IndexedDB; a value that does not parse is ignored.
 *
 * The dataset: `dataset=demo` is the built-in demo; a folder cannot be put in a URL, so
 * `dataset=folder:<name>` only names it — when the lab has no folder of that name open, the
 * gallery and inspector say so (`useUrlNotice`).
 */
export interface UrlState {
  readonly view: LabView;
  readonly image: string | null;
  /** The inspector's heatmap class (a class token, e.g. "cat"). */
  readonly heatClass: string | null;
  readonly zeta: number;
  readonly lambda: number;
  readonly scale: number | null;
  readonly convention: PseudoLabelSettingsMessage['convention'];
  readonly difficult: PseudoLabelSettingsMessage['difficult'];
  /** 'demo', or 'folder:<label>' (a label only). */
  readonly dataset: string;
  /** A catalog model id, or 'local:<id>' (model files chosen by the user: a label only). */
  readonly model: string;
  readonly variant: ModelVariant | null;
  readonly grid: number;
  /** null = all annotated images. */
  readonly split: string | null;
  /** null = the whole split. */
  readonly limit: number | null;
  readonly backend: 'webgpu' | 'wasm';
  /** The Compare view's two settings (written while that view is shown). */
  readonly compare: { readonly a: PseudoLabelSettingsMessage; readonly b: PseudoLabelSettingsMessage } | null;
}

/** The parameters this module owns; every other one (?e2e, ?chunk, ?hub…) is left as it is. */
export const URL_KEYS = ['view', 'image', 'class', 'zeta', 'lambda', 'scale', 'ap', 'difficult', 'dataset', 'model', 'variant', 'grid', 'split', 'limit', 'backend', 'a', 'b', 'atpl', 'btpl'] as const;

/** The catalog entry of an id, or undefined (catalogEntry itself throws). */
const findModel = (id: string): ModelCatalogEntry | undefined => MODEL_CATALOG.find((entry) => entry.id === id);

const VIEWS = new Set<string>(LAB_VIEWS.map((entry) => entry.view));
const CONVENTIONS = new Set(['step', 'voc07', 'voc10']);
const ALL_IMAGES = 'all';

/** A number within [min, max], or undefined (empty, not a number, out of range). */
function numberIn(text: string | null, min: number, max: number): number | undefined {
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

/** The temperature scale: 'model' (the model's own), 'paper', 'reference', or a positive number. */
export function parseScale(text: string | null): number | null | undefined {
  if (text === null) return undefined;
  if (text === 'model') return null;
  if (text === 'paper') return PAPER_SCALE.scale;
  if (text === 'reference') return REFERENCE_REPRODUCTION_SCALE.scale;
  return numberIn(text, Number.MIN_VALUE, 1e6);
}

export function formatScale(scale: number | null): string {
  if (scale === null) return 'model';
  if (scale === PAPER_SCALE.scale) return 'paper';
  if (scale === REFERENCE_REPRODUCTION_SCALE.scale) return 'reference';
  return String(scale);
}

/** Short decimals for sliders (0.1, not 0.10000000149). */
const short = (value: number) => String(Number(value.toFixed(4)));

/** What a query string says, only the values that parse (the rest is left to the session). */
export function parseUrlState(search: string): Partial<UrlState> {
  const params = new URLSearchParams(search);
  const out: { -readonly [K in keyof UrlState]?: UrlState[K] } = {};
  const view = params.get('view');
  if (view !== null && VIEWS.has(view)) out.view = view as LabView;
  const image = params.get('image');
  if (image !== null && image.trim() !== '') out.image = image;
  const heatClass = params.get('class');
  if (heatClass !== null && /^[\w-]{1,64}$/.test(heatClass)) out.heatClass = heatClass;
  const zeta = numberIn(params.get('zeta'), 0, 1);
  if (zeta !== undefined) out.zeta = zeta;
  const lambda = numberIn(params.get('lambda'), 0, 1);
  if (lambda !== undefined) out.lambda = lambda;
  const scale = parseScale(params.get('scale'));
  if (scale !== undefined) out.scale = scale;
  const ap = params.get('ap');
  if (ap !== null && CONVENTIONS.has(ap)) out.convention = ap as UrlState['convention'];
  const difficult = params.get('difficult');
  if (difficult === 'positive' || difficult === 'ignore') out.difficult = difficult;
  const dataset = params.get('dataset');
  if (dataset === 'demo' || (dataset?.startsWith('folder:') && dataset.length > 'folder:'.length)) out.dataset = dataset;
  const model = params.get('model');
  if (model !== null && (findModel(model) !== undefined || (model.startsWith('local:') && model.length > 'local:'.length))) out.model = model;
  const variant = params.get('variant');
  const entry = findModel(out.model ?? '');
  if (variant !== null && entry && (availableVariants(entry) as string[]).includes(variant)) out.variant = variant as ModelVariant;
  const grid = numberIn(params.get('grid'), MIN_GRID, MAX_GRID);
  if (grid !== undefined && Number.isInteger(grid)) out.grid = grid;
  const split = params.get('split');
  if (split !== null && /^[\w-]{0,64}$/.test(split)) out.split = split === ALL_IMAGES || split === '' ? null : split;
  const limit = params.get('limit');
  const limitValue = numberIn(limit, 1, 1e7);
  if (limit === ALL_IMAGES) out.limit = null;
  else if (limitValue !== undefined && Number.isInteger(limitValue)) out.limit = limitValue;
  const backend = params.get('backend');
  if (backend === 'webgpu' || backend === 'wasm') out.backend = backend;
  const a = parseCompareSide(params.get('a'), params.get('atpl'), parseScale);
  const b = parseCompareSide(params.get('b'), params.get('btpl'), parseScale);
  if (a && b) out.compare = { a, b };
  return out;
}

/**
 * The query string of a state, keeping every parameter of `previousSearch` this module does not own
 * (in their order, before ours). Returns e.g. "?e2e&view=gallery&…".
 */
export function formatUrlState(state: UrlState, previousSearch = ''): string {
  const params = new URLSearchParams(previousSearch);
  for (const key of URL_KEYS) params.delete(key);
  params.set('view', state.view);
  if (state.image !== null) params.set('image', state.image);
  if (state.heatClass !== null) params.set('class', state.heatClass);
  params.set('zeta', short(state.zeta));
  params.set('lambda', short(state.lambda));
  params.set('scale', formatScale(state.scale));
  params.set('ap', state.convention);
  params.set('difficult', state.difficult);
  params.set('dataset', state.dataset);
  params.set('model', state.model);
  if (state.variant !== null) params.set('variant', state.variant);
  params.set('grid', String(state.grid));
  params.set('split', state.split ?? ALL_IMAGES);
  params.set('limit', state.limit === null ? ALL_IMAGES : String(state.limit));
  params.set('backend', state.backend);
  if (state.compare) {
    for (const side of ['a', 'b'] as const) {
      params.set(side, formatCompareSide(state.compare[side], formatScale));
      const template = state.compare[side].promptTemplate;
      if (template !== undefined) params.set(`${side}tpl`, template);
    }
  }
  // URLSearchParams writes "e2e=" for a bare flag; keep bare flags bare.
  const text = params.toString().replace(/=(?=&|$)/g, '');
  return text ? `?${text}` : '';
}

export const datasetParam = (dataset: DatasetRef): string => (dataset === DEMO_DATASET ? 'demo' : `folder:${dataset.label}`);
export const modelParam = (model: ModelRef): string => (model.kind === 'catalog' ? model.id : `local:${model.id}`);

/** The inspector's heatmap class; lives here because the URL carries it. */
export const useHeatClassStore = create<{ readonly heatClass: string | null; setHeatClass(heatClass: string | null): void }>((set) => ({
  heatClass: null,
  setHeatClass: (heatClass) => set({ heatClass }),
}));

/** What the URL asked for that the lab cannot do by itself (a folder it does not have open). */
export const useUrlNotice = create<{ readonly missingFolder: string | null }>(() => ({ missingFolder: null }));

/** The state the URL describes now, from the stores. */
export function currentUrlState(): UrlState {
  const { view, imageId } = useViewStore.getState();
  const { settings } = useRunStore.getState();
  const selection = useSelectionStore.getState();
  return {
    view,
    image: imageId,
    heatClass: useHeatClassStore.getState().heatClass,
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
    compare: view === 'compare' ? { a: useCompareStore.getState().a, b: useCompareStore.getState().b } : null,
  };
}

/** Puts what the URL says into the stores (the values it does not give are kept). */
export function applyUrlState(parsed: Partial<UrlState>): void {
  if (parsed.view !== undefined || parsed.image !== undefined) {
    const view = useViewStore.getState();
    useViewStore.setState({ view: parsed.view ?? view.view, imageId: parsed.image ?? view.imageId });
  }
  if (parsed.heatClass !== undefined) useHeatClassStore.setState({ heatClass: parsed.heatClass });
  if (parsed.compare) useCompareStore.getState().setBoth(parsed.compare.a, parsed.compare.b);
  const settings: Partial<PseudoLabelSettingsMessage> = {};
  if (parsed.zeta !== undefined) Object.assign(settings, { zeta: parsed.zeta });
  if (parsed.lambda !== undefined) Object.assign(settings, { lambda: parsed.lambda });
  if (parsed.scale !== undefined) Object.assign(settings, { scale: parsed.scale });
  if (parsed.convention !== undefined) Object.assign(settings, { convention: parsed.convention });
  if (parsed.difficult !== undefined) Object.assign(settings, { difficult: parsed.difficult });
  if (Object.keys(settings).length > 0) useRunStore.getState().setSettings(settings);

  const selection = useSelectionStore.getState();
  const patch: { -readonly [K in 'dataset' | 'split' | 'model' | 'grid' | 'limit' | 'provider']?: (typeof selection)[K] } = {};
  let missingFolder: string | null = null;
  if (parsed.dataset === 'demo' && selection.dataset !== DEMO_DATASET) patch.dataset = DEMO_DATASET;
  if (parsed.dataset?.startsWith('folder:')) {
    const label = parsed.dataset.slice('folder:'.length);
    if (selection.dataset === DEMO_DATASET || selection.dataset.label !== label) missingFolder = label;
  }
  if (parsed.model !== undefined && !parsed.model.startsWith('local:')) {
    const variant = parsed.variant ?? 'fp32';
    const current = selection.model;
    if (current.kind !== 'catalog' || current.id !== parsed.model || current.variant !== variant) {
      const entry = findModel(parsed.model);
      if (entry && availableVariants(entry).includes(variant)) patch.model = catalogModel(parsed.model, variant);
    }
  }
  if (parsed.split !== undefined && !missingFolder) patch.split = parsed.split;
  if (parsed.grid !== undefined) patch.grid = parsed.grid;
  if (parsed.limit !== undefined) patch.limit = parsed.limit;
  if (parsed.backend !== undefined) patch.provider = parsed.backend;
  if (Object.keys(patch).length > 0) useSelectionStore.setState(patch);
  useUrlNotice.setState({ missingFolder });
}

let installed = false;

/**
 * Reads the URL into the stores (after restoreSession, before the first render), then keeps the URL
 * in step with the stores, and the stores with Back/Forward.
 */
export function installUrlState(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  applyUrlState(parseUrlState(window.location.search));
  let written = formatUrlState(currentUrlState(), window.location.search);
  let view = useViewStore.getState().view;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${written}${window.location.hash}`);
  const write = () => {
    const next = formatUrlState(currentUrlState(), window.location.search);
    const nextView = useViewStore.getState().view;
    if (next === written && nextView === view) return;
    const url = `${window.location.pathname}${next}${window.location.hash}`;
    if (nextView !== view) window.history.pushState(null, '', url);
    else window.history.replaceState(window.history.state, '', url);
    written = next;
    view = nextView;
  };
  useViewStore.subscribe(write);
  useRunStore.subscribe((state, previous) => {
    if (state.settings !== previous.settings) write();
  });
  useSelectionStore.subscribe(write);
  useHeatClassStore.subscribe(write);
  useCompareStore.subscribe((state, previous) => {
    if (state.a !== previous.a || state.b !== previous.b) write();
  });
  window.addEventListener('popstate', () => {
    const parsed = parseUrlState(window.location.search);
    // Back/Forward: the URL is already what it should be; record it so the writes it causes are not pushed.
    written = formatUrlState({ ...currentUrlState(), ...parsed }, window.location.search);
    view = parsed.view ?? view;
    applyUrlState(parsed);
  });
}
