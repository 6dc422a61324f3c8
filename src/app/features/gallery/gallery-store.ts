import { create } from 'zustand';
import { DEFAULT_LABEL_CUT, type GalleryFilter, type GalleryMode, type GallerySort } from '../../../core/lab/gallery';

/** The gallery's controls (shared with the inspector, whose next/previous follow the gallery's order). */
export interface GalleryControls {
  /** 'initial'/'refined' apply only while a training run's labels of the open run are shown (else 'final'). */
  readonly mode: GalleryMode;
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
