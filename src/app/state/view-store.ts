import { create } from 'zustand';

/** The lab's views: the run set-up, the gallery of every image, one image, two settings side by side, training. */
export type LabView = 'workspace' | 'gallery' | 'inspector' | 'compare' | 'training';

export const LAB_VIEWS: readonly { readonly view: LabView; readonly label: string }[] = [
  { view: 'workspace', label: 'Workspace' },
  { view: 'gallery', label: 'Gallery' },
  { view: 'inspector', label: 'Image' },
  { view: 'compare', label: 'Compare' },
  { view: 'training', label: 'Training' },
];

export interface ViewState {
  readonly view: LabView;
  /** The image open in the inspector, by id (stable across runs of the same dataset). */
  readonly imageId: string | null;
  show(view: LabView): void;
  openImage(imageId: string): void;
}

export const useViewStore = create<ViewState>((set) => ({
  view: 'workspace',
  imageId: null,
  show: (view) => set({ view }),
  openImage: (imageId) => set({ imageId, view: 'inspector' }),
}));
