import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_SETTINGS, firstLabelUpdateEpoch, isLabelUpdateEpoch, validateTrainingSettings, type LabelSchedule } from './training-settings';

/** The update epochs among 1…epochs, by the settings' own rule. */
function updateEpochs(schedule: LabelSchedule, warmup: number, updateEvery: number, epochs = 12): number[] {
  const settings = { schedule, warmup, updateEvery };
  return Array.from({ length: epochs }, (_, i) => i + 1).filter((epoch) => isLabelUpdateEpoch(epoch, settings));
}

describe('label update schedules (issue 14, item 5)', () => {
  // Listed by hand: lab, e > w and (e − w) mod k = 0; reference, e > w and e mod k = 0.
  const cases: [number, number, number[], number[]][] = [
    [0, 1, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    [2, 1, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    [0, 3, [3, 6, 9, 12], [3, 6, 9, 12]],
    [2, 3, [5, 8, 11], [3, 6, 9, 12]],
    [3, 3, [6, 9, 12], [6, 9, 12]],
    [1, 2, [3, 5, 7, 9, 11], [2, 4, 6, 8, 10, 12]],
    [5, 4, [9], [8, 12]],
  ];

  it.each(cases)('warm-up %i, k %i: lab %j, reference %j', (warmup, k, lab, reference) => {
    expect(updateEpochs('lab', warmup, k)).toEqual(lab);
    expect(updateEpochs('reference', warmup, k)).toEqual(reference);
    expect(firstLabelUpdateEpoch({ schedule: 'lab', warmup, updateEvery: k })).toBe(lab[0]);
    expect(firstLabelUpdateEpoch({ schedule: 'reference', warmup, updateEvery: k })).toBe(reference[0]);
  });

  it('defaults to the lab rule and refuses an unknown schedule by name', () => {
    expect(DEFAULT_TRAINING_SETTINGS.schedule).toBe('lab');
    expect(() => validateTrainingSettings({ ...DEFAULT_TRAINING_SETTINGS, schedule: 'paper' as LabelSchedule })).toThrow(
      /^schedule must be one of lab, reference, got paper$/,
    );
  });
});
