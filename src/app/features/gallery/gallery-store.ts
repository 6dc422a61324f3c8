import { create } from 'zustand';
import { DEFAULT_LABEL_CUT, type GalleryFilter, type GallerySort } from '../../../core/lab/gallery';
import type { PseudoLabelMode } from '../../../core/evaluation/pseudo-labels';

/** The gallery's controls (shared with the inspector, whose next/previous follow the gallery's order). */
export interface GalleryControls {
  readonly mode: PseudoLabelMode;
  readonly cut: number;
  readonly sort: GallerySort;
  readonly filter: GalleryFilter;
  /** A class token, or null for every class. */
  readonly classToken: string | null;
  set(patch: Partial<Omit<GalleryControls, 'set'>>): void;
}

export const useGalleryStore = create<GalleryControls>((set) => ({
  mode: 'final',
  cut: DEFAULT_LABEL_CUT,
  sort: 'dataset',
  filter: 'all',
  classToken: null,
  set: (patch) => set(patch),
}));
