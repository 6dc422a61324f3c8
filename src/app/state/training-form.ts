import { DEFAULT_TRAINING_SETTINGS, type TrainingSettings } from '../../core/training/training-settings';
import type { TrainingBackend } from '../../worker/protocol/training-protocol';
import type { SliceSet } from './slice';

/** The training form's values, kept while the user moves between views and over reloads. */
export interface TrainingForm {
  readonly settings: TrainingSettings;
  readonly backend: TrainingBackend;
  /** True once the user picked the backend: the software-adapter default (CPU) then leaves it alone. */
  readonly backendChosen?: boolean;
  /** '' = automatic ('val' when stored). */
  readonly valSplit: string;
}

export interface TrainingFormSlice {
  readonly trainingForm: TrainingForm;
  patchTrainingSettings(patch: Partial<TrainingSettings>): void;
  setTrainingForm(patch: Partial<TrainingForm>): void;
}

export const DEFAULT_TRAINING_FORM: TrainingForm = {
  settings: DEFAULT_TRAINING_SETTINGS,
  backend: typeof navigator !== 'undefined' && 'gpu' in navigator ? 'webgpu' : 'cpu',
  valSplit: '',
};

export const createTrainingFormSlice = (set: SliceSet<TrainingFormSlice>): TrainingFormSlice => ({
  trainingForm: DEFAULT_TRAINING_FORM,
  patchTrainingSettings: (patch) =>
    set((state) => ({ trainingForm: { ...state.trainingForm, settings: { ...state.trainingForm.settings, ...patch } } })),
  setTrainingForm: (patch) => set((state) => ({ trainingForm: { ...state.trainingForm, ...patch } })),
});

/** A saved form from an older version may lack newer settings: the defaults fill them in. */
export function restoreTrainingForm(saved: Partial<TrainingForm> | undefined): TrainingForm {
  return { ...DEFAULT_TRAINING_FORM, ...saved, settings: { ...DEFAULT_TRAINING_SETTINGS, ...saved?.settings } };
}
