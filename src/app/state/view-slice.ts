import { DEFAULT_LABEL_CUT, type GalleryFilter, type GalleryMode, type GallerySort } from '../../core/lab/gallery';
import type { SliceSet } from './slice';

/** The lab's views (app/views.ts maps each to its label and component). */
export const LAB_VIEW_IDS = ['workspace', 'gallery', 'inspector', 'compare', 'training'] as const;
export type LabView = (typeof LAB_VIEW_IDS)[number];

export const isLabView = (value: string): value is LabView => (LAB_VIEW_IDS as readonly string[]).includes(value);

/** The gallery's controls (shared with the inspector, whose next/previous follow the gallery's order). */
export interface GalleryControls {
  /** 'initial'/'refined' apply only while a training run's labels of the open run are shown (else 'final'). */
  readonly mode: GalleryMode;
  readonly cut: number;
  readonly sort: GallerySort;
  readonly filter: GalleryFilter;
  /** A class token, or null for every class. */
  readonly classToken: string | null;
}

/** Where the user is looking: the view, the open image, the heatmap class and the gallery's controls. */
export interface ViewState {
  readonly view: LabView;
  /** The image open in the inspector, by id (stable across runs of the same dataset). */
  readonly imageId: string | null;
  /** The inspector's heatmap class (a class token, e.g. "cat"). */
  readonly heatClass: string | null;
  readonly gallery: GalleryControls;
  /** The training run (its id) whose refined labels the gallery and inspector show: in the URL, so a reload shows them again. */
  readonly refinedRun: string | null;
  /** A folder a link named that this lab does not have open (a URL can only name a folder). */
  readonly missingFolder: string | null;
}

export interface ViewSlice {
  readonly view: ViewState;
  showView(view: LabView): void;
  openImage(imageId: string): void;
  setHeatClass(heatClass: string | null): void;
  setGallery(patch: Partial<GalleryControls>): void;
}

export const DEFAULT_VIEW: ViewState = {
  view: 'workspace',
  imageId: null,
  heatClass: null,
  gallery: { mode: 'final', cut: DEFAULT_LABEL_CUT, sort: 'dataset', filter: 'all', classToken: null },
  refinedRun: null,
  missingFolder: null,
};

export const createViewSlice = (set: SliceSet<ViewSlice>): ViewSlice => {
  const patchView = (patch: Partial<ViewState>) => set((state) => ({ view: { ...state.view, ...patch } }));
  return {
    view: DEFAULT_VIEW,
    showView: (view) => patchView({ view }),
    openImage: (imageId) => patchView({ imageId, view: 'inspector' }),
    setHeatClass: (heatClass) => patchView({ heatClass }),
    setGallery: (patch) => set((state) => ({ view: { ...state.view, gallery: { ...state.view.gallery, ...patch } } })),
  };
};
