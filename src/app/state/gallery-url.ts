import { PSEUDO_LABEL_MODES } from '../../core/evaluation/pseudo-label-modes';
import type { GalleryMode } from '../../core/lab/gallery';
import { ALL_FILTERS, ALL_SORTS } from '../../core/lab/gallery-order';
import { DEFAULT_VIEW, type GalleryControls } from './view-slice';

/**
 * The gallery's controls in the URL (url-codec.ts calls these): `labels` (the pseudo labels shown),
 * `cut`, `show` (the filter), `sort`, `gallery-class` (the class filter) and `trained` (the training
 * run whose refined labels `labels=initial|refined` shows), each written only when it is not the
 * default, so a reload or a shared link comes back to the same gallery. A value that does not parse
 * is ignored (the session's stays).
 */
export interface GalleryUrlState {
  readonly gallery: GalleryControls;
  /** The training run (its id) whose refined labels the gallery shows, or null. */
  readonly refinedRun: string | null;
}

export const GALLERY_URL_KEYS = ['labels', 'cut', 'show', 'sort', 'gallery-class', 'trained'] as const;

const MODES: readonly GalleryMode[] = [...PSEUDO_LABEL_MODES, 'initial', 'refined'];
const DEFAULT = DEFAULT_VIEW.gallery;
const CUT = { min: 0.05, max: 0.95 };
const ID = /^[\w.-]{1,64}$/;

/** What the URL says of the gallery: only the values that parse. */
export function parseGalleryParams(params: URLSearchParams): { gallery?: Partial<GalleryControls>; refinedRun?: string } {
  const gallery: { -readonly [K in keyof GalleryControls]?: GalleryControls[K] } = {};
  const labels = params.get('labels');
  if (labels !== null && (MODES as readonly string[]).includes(labels)) gallery.mode = labels as GalleryMode;
  const cutText = params.get('cut');
  const cut = cutText === null || cutText.trim() === '' ? NaN : Number(cutText);
  if (cut >= CUT.min && cut <= CUT.max) gallery.cut = cut;
  const show = params.get('show');
  const filter = ALL_FILTERS.find((entry) => entry === show);
  if (filter) gallery.filter = filter;
  const sortText = params.get('sort');
  const sort = ALL_SORTS.find((entry) => entry === sortText);
  if (sort) gallery.sort = sort;
  const classToken = params.get('gallery-class');
  if (classToken !== null && classToken.trim() !== '' && classToken.length <= 100) gallery.classToken = classToken;
  const trained = params.get('trained');
  return { ...(Object.keys(gallery).length > 0 ? { gallery } : {}), ...(trained !== null && ID.test(trained) ? { refinedRun: trained } : {}) };
}

/** Sets the gallery's parameters that differ from the defaults (the caller removed the old ones). */
export function formatGalleryParams(state: GalleryUrlState, params: URLSearchParams): void {
  const { gallery, refinedRun } = state;
  if (gallery.mode !== DEFAULT.mode) params.set('labels', gallery.mode);
  if (gallery.cut !== DEFAULT.cut) params.set('cut', String(Number(gallery.cut.toFixed(4))));
  if (gallery.filter !== DEFAULT.filter) params.set('show', gallery.filter);
  if (gallery.sort !== DEFAULT.sort) params.set('sort', gallery.sort);
  if (gallery.classToken !== null) params.set('gallery-class', gallery.classToken);
  if (refinedRun !== null) params.set('trained', refinedRun);
}
