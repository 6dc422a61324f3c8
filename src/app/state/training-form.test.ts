import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_SETTINGS, type TrainingSettings } from '../../core/training/training-settings';
import { useLabStore } from './lab-store';
import { restoreTrainingForm } from './training-form';

describe('the training form keeps the label update schedule', () => {
  it('stores the schedule the user picked and restores it from a saved form', () => {
    useLabStore.getState().patchTrainingSettings({ schedule: 'reference' });
    const saved = JSON.parse(JSON.stringify(useLabStore.getState().trainingForm)) as ReturnType<typeof restoreTrainingForm>;
    expect(restoreTrainingForm(saved).settings.schedule).toBe('reference');
    useLabStore.getState().patchTrainingSettings({ schedule: 'lab' });
  });

  it('gives a form saved before schedules existed the lab rule, which it trained with', () => {
    const { schedule: _dropped, ...older } = { ...DEFAULT_TRAINING_SETTINGS, updateEvery: 3 };
    const restored = restoreTrainingForm({ settings: older as TrainingSettings });
    expect(restored.settings).toMatchObject({ schedule: 'lab', updateEvery: 3 });
  });
});
