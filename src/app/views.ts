import type { ComponentType } from 'react';
import { CompareView } from './features/compare/compare-view';
import { GalleryView } from './features/gallery/gallery-view';
import { InspectorView } from './features/inspector/inspector-view';
import { TrainingView } from './features/training/training-view';
import { WorkspaceView } from './features/workspace/workspace-view';
import type { LabView } from './state/view-slice';

export interface ViewEntry {
  readonly view: LabView;
  /** The navigation's button. */
  readonly label: string;
  readonly component: ComponentType;
  /** 'panels': a grid of panels (the workspace); 'page': one full-width view. */
  readonly layout: 'panels' | 'page';
}

/**
 * The lab's views, in the navigation's order: app.tsx and the navigation map over this table, so a new
 * view is its folder under features/, one line here and its id in view-slice.ts's LAB_VIEW_IDS (the
 * compiler points at a missing one).
 */
export const VIEWS = [
  { view: 'workspace', label: 'Workspace', component: WorkspaceView, layout: 'panels' },
  { view: 'gallery', label: 'Gallery', component: GalleryView, layout: 'page' },
  { view: 'inspector', label: 'Image', component: InspectorView, layout: 'page' },
  { view: 'compare', label: 'Compare', component: CompareView, layout: 'page' },
  { view: 'training', label: 'Training', component: TrainingView, layout: 'page' },
] as const satisfies readonly ViewEntry[];

// Every view id has its entry (and no entry names an unknown view).
type Missing = Exclude<LabView, (typeof VIEWS)[number]['view']>;
const everyViewListed: Missing extends never ? true : Missing = true;
void everyViewListed;
