import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { labStoreStorage, type PersistedLab } from './lab-store-storage';
import { createSelectionSlice, DEFAULT_SELECTION, isKeepable, sameDataset, sameModel, type SelectionSlice } from './selection';
import { createSettingsSlice, type SettingsSlice } from './settings';
import { createTrainingFormSlice, DEFAULT_TRAINING_FORM, restoreTrainingForm, type TrainingFormSlice } from './training-form';
import { createViewSlice, type ViewSlice } from './view-slice';

/**
 * The page's UI state in ONE store of typed slices: what the next run computes (selection), the
 * settings chosen (workspace, Compare's A and B), where the user is looking (view), the training form.
 * Worker answers are not kept here: they live in react-query (queries.ts); the run and training
 * progress pushed by the workers live in run-status-store.ts and training-store.ts.
 *
 * Persisted at the root in IndexedDB (the selection can hold a FileSystemDirectoryHandle, which only
 * structured clone keeps): the keepable selection and the training form. The URL (url-sync.ts)
 * carries what a link should restore and wins over the stored values on load.
 */
export type LabStore = SelectionSlice & SettingsSlice & ViewSlice & TrainingFormSlice;

export const useLabStore = create<LabStore>()(
  persist(
    (set) => ({
      ...createSelectionSlice(set),
      ...createSettingsSlice(set),
      ...createViewSlice(set),
      ...createTrainingFormSlice(set),
    }),
    {
      name: 'lab-store',
      version: 1,
      storage: labStoreStorage(() => persistedPart({ selection: DEFAULT_SELECTION, trainingForm: DEFAULT_TRAINING_FORM })),
      // Restored by main.tsx before the first render, so nothing the user clicks is overwritten by a late restore.
      skipHydration: true,
      partialize: (state) => persistedPart(state),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<PersistedLab>;
        const selection = { ...current.selection, ...saved.selection };
        return {
          ...current,
          selection: { ...selection, dataset: sameDataset(selection.dataset), model: sameModel(selection.model) },
          trainingForm: restoreTrainingForm(saved.trainingForm),
        };
      },
    },
  ),
);

function persistedPart(state: Pick<LabStore, 'selection' | 'trainingForm'>): PersistedLab {
  return { selection: keepableSelection(state.selection), trainingForm: state.trainingForm };
}

/** Files chosen by upload are not kept (the browser would copy every image into the database): the stored ones stay. */
function keepableSelection(selection: LabStore['selection']): PersistedLab['selection'] {
  if (isKeepable(selection.dataset) && isKeepable(selection.model)) return selection;
  const { dataset, model, ...rest } = selection;
  return { ...rest, ...(isKeepable(dataset) ? { dataset } : {}), ...(isKeepable(model) ? { model } : {}) };
}
