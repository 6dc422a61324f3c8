import { MAX_GRID, MIN_GRID } from '../../core/cdul/snippet-grid';
import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../core/cdul/temperature';
import { availableVariants, MODEL_CATALOG, type ModelCatalogEntry, type ModelVariant } from '../../core/clip/model-catalog';
import { validatePromptTemplate } from '../../core/clip/prompts';
import type { LabSettings } from '../../core/evaluation/lab-settings';
import { isApConvention } from '../../core/metrics/ap-convention';
import type { DatasetRef, ModelRef } from '../../worker/protocol/pipeline-protocol';
import { DEMO_DATASET, TRAINING_DEMO_DATASET } from './selection';
import { formatGalleryParams, GALLERY_URL_KEYS, parseGalleryParams } from './gallery-url';
import { isLabView, type GalleryControls, type LabView } from './view-slice';

/**
 * The URL codec, pure (url-sync.ts connects it to the stores): the workspace in the URL, so a view can be bookmarked and shared: view, image, settings, model,
 * grid, split, subset, backend and dataset. The view change pushes a history entry (Back returns to
 * the previous view); every other change replaces the current one. On load the URL wins over the
 * session restored from IndexedDB; a value that does not parse is ignored.
 *
 * The dataset: `dataset=demo` is the built-in demo; a folder cannot be put in a URL, so
 * `dataset=folder:<name>` only names it — when the lab has no folder of that name open, the
 * gallery and inspector say so (the view state's `missingFolder`).
 */
export interface UrlState {
  readonly view: LabView;
  readonly image: string | null;
  /** The inspector's heatmap class (a class token, e.g. "cat"). */
  readonly heatClass: string | null;
  readonly zeta: number;
  readonly lambda: number;
  readonly scale: number | null;
  readonly convention: LabSettings['convention'];
  readonly difficult: LabSettings['difficult'];
  /** 'demo', 'training-demo', or 'folder:<label>' (a label only). */
  readonly dataset: string;
  /** A catalog model id, or 'local:<id>' (model files chosen by the user: a label only). */
  readonly model: string;
  readonly variant: ModelVariant | null;
  readonly grid: number;
  /** null = all annotated images. */
  readonly split: string | null;
  /** null = the whole split. */
  readonly limit: number | null;
  /** 'auto': WebGPU on a hardware adapter, WebAssembly on a software one. */
  readonly backend: 'auto' | 'webgpu' | 'wasm';
  /** The Compare view's two settings (written while that view is shown). */
  readonly compare: { readonly a: LabSettings; readonly b: LabSettings } | null;
  /** The gallery's controls and the training run whose refined labels it shows (gallery-url.ts). */
  readonly gallery: GalleryControls;
  readonly refinedRun: string | null;
}

/** What a query string says: the values that parse (the gallery's controls each on its own). */
export type ParsedUrlState = Partial<Omit<UrlState, 'gallery'>> & { readonly gallery?: Partial<GalleryControls> };

/** The parameters this module owns; every other one (?e2e, ?chunk, ?hub…) is left as it is. */
export const URL_KEYS = ['view', 'image', 'class', 'zeta', 'lambda', 'scale', 'ap', 'difficult', 'dataset', 'model', 'variant', 'grid', 'split', 'limit', 'backend', 'a', 'b', 'atpl', 'btpl', ...GALLERY_URL_KEYS] as const;

/** The catalog entry of an id, or undefined (catalogEntry itself throws). */
const findModel = (id: string): ModelCatalogEntry | undefined => MODEL_CATALOG.find((entry) => entry.id === id);

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
export function parseUrlState(search: string): ParsedUrlState {
  const params = new URLSearchParams(search);
  const out: { -readonly [K in keyof ParsedUrlState]?: ParsedUrlState[K] } = {};
  const view = params.get('view');
  if (view !== null && isLabView(view)) out.view = view;
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
  if (ap !== null && isApConvention(ap)) out.convention = ap;
  const difficult = params.get('difficult');
  if (difficult === 'positive' || difficult === 'ignore') out.difficult = difficult;
  const dataset = params.get('dataset');
  if (dataset === 'demo' || dataset === 'training-demo' || (dataset?.startsWith('folder:') && dataset.length > 'folder:'.length)) out.dataset = dataset;
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
  if (backend === 'auto' || backend === 'webgpu' || backend === 'wasm') out.backend = backend;
  const a = parseCompareSide(params.get('a'), params.get('atpl'));
  const b = parseCompareSide(params.get('b'), params.get('btpl'));
  if (a && b) out.compare = { a, b };
  return { ...out, ...parseGalleryParams(params) };
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
      params.set(side, formatCompareSide(state.compare[side]));
      const template = state.compare[side].promptTemplate;
      if (template !== undefined) params.set(`${side}tpl`, template);
    }
  }
  formatGalleryParams(state, params);
  // URLSearchParams writes "e2e=" for a bare flag; keep bare flags bare.
  const text = params.toString().replace(/=(?=&|$)/g, '');
  return text ? `?${text}` : '';
}

export const datasetParam = (dataset: DatasetRef): string =>
  dataset === DEMO_DATASET ? 'demo' : dataset === TRAINING_DEMO_DATASET ? 'training-demo' : `folder:${dataset.label}`;
export const modelParam = (model: ModelRef): string => (model.kind === 'catalog' ? model.id : `local:${model.id}`);

/**
 * One side of the Compare view in the URL: `a=ζ,λ,scale,ap,difficult` (e.g. `a=0.1,0,paper,step,positive`)
 * and, when the side has its own prompt template, `atpl=<template>` (temperature presets by name).
 */
export function formatCompareSide(settings: LabSettings): string {
  return [short(settings.zeta), short(settings.lambda), formatScale(settings.scale), settings.convention, settings.difficult].join(',');
}

/** The side a parameter describes, or undefined when any part does not parse (the side is then kept). */
export function parseCompareSide(text: string | null, template: string | null): LabSettings | undefined {
  if (text === null) return undefined;
  const [zetaText, lambdaText, scaleText, convention, difficult, ...rest] = text.split(',');
  const zeta = Number(zetaText);
  const lambda = Number(lambdaText);
  const scale = parseScale(scaleText ?? null);
  const ok =
    rest.length === 0 &&
    zetaText !== '' && Number.isFinite(zeta) && zeta >= 0 && zeta <= 1 &&
    lambdaText !== '' && Number.isFinite(lambda) && lambda >= 0 && lambda <= 1 &&
    scale !== undefined &&
    isApConvention(convention ?? '') &&
    (difficult === 'positive' || difficult === 'ignore');
  if (!ok) return undefined;
  const side = { zeta, lambda, scale, convention: convention as LabSettings['convention'], difficult } as LabSettings;
  return template !== null && validatePromptTemplate(template) === null ? { ...side, promptTemplate: template } : side;
}
