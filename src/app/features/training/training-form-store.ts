import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEFAULT_TRAINING_SETTINGS, type TrainingSettings } from '../../../core/training/training-settings';
import type { TrainingBackend } from '../../../worker/training/training-protocol';

/** The training form's values, kept while the user moves between views and over reloads (localStorage). */
export interface TrainingFormState {
  readonly settings: TrainingSettings;
  readonly backend: TrainingBackend;
  /** '' = automatic ('val' when stored). */
  readonly valSplit: string;
  patch(patch: Partial<TrainingSettings>): void;
  set(patch: Partial<Pick<TrainingFormState, 'backend' | 'valSplit' | 'settings'>>): void;
}

export const useTrainingForm = create<TrainingFormState>()(
  persist(
    (set) => ({
      settings: DEFAULT_TRAINING_SETTINGS,
      backend: typeof navigator !== 'undefined' && 'gpu' in navigator ? 'webgpu' : 'cpu',
      valSplit: '',
      patch: (patch) => set((state) => ({ settings: { ...state.settings, ...patch } })),
      set: (patch) => set(patch),
    }),
    {
      name: 'cdul-training-form',
      partialize: ({ settings, backend, valSplit }) => ({ settings, backend, valSplit }),
      // Settings saved by an older version may lack newer fields: defaults fill them in.
      merge: (saved, current) => {
        const values = (saved ?? {}) as Partial<TrainingFormState>;
        return { ...current, ...values, settings: { ...DEFAULT_TRAINING_SETTINGS, ...values.settings } };
      },
    },
  ),
);
