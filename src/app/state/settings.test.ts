import { describe, expect, it } from 'vitest';
import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../core/cdul/temperature';
import { DEFAULT_LAB_SETTINGS } from '../../core/evaluation/lab-settings';
import { useLabStore } from './lab-store';
import { isPaperVersusReference } from './settings';

describe('the settings slice', () => {
  it('starts Compare with ζ 0.1 (A) against ζ 0.5 (B), edits one side, swaps', () => {
    const store = useLabStore.getState();
    expect(store.compare.a.zeta).toBe(0.1);
    expect(store.compare.b.zeta).toBe(0.5);
    store.setCompareSide('b', { lambda: 1 });
    expect(useLabStore.getState().compare.b).toEqual({ ...DEFAULT_LAB_SETTINGS, zeta: 0.5, lambda: 1 });
    expect(useLabStore.getState().compare.a).toEqual(DEFAULT_LAB_SETTINGS);
    store.swapCompareSides();
    expect(useLabStore.getState().compare.a.lambda).toBe(1);
    expect(useLabStore.getState().compare.b.lambda).toBe(0);
  });

  it('sets up the paper-versus-reference comparison from a base setting', () => {
    const base = { ...DEFAULT_LAB_SETTINGS, zeta: 0.3, convention: 'voc07' as const };
    useLabStore.getState().paperVersusReference(base);
    const { a, b, mode } = useLabStore.getState().compare;
    expect(a).toEqual({ ...base, scale: PAPER_SCALE.scale });
    expect(b).toEqual({ ...base, scale: REFERENCE_REPRODUCTION_SCALE.scale });
    expect(mode).toBe('aggregate');
    expect(isPaperVersusReference(a, b)).toBe(true);
    expect(isPaperVersusReference(b, a)).toBe(false);
    expect(isPaperVersusReference(a, { ...b, zeta: 0.4 })).toBe(false);
  });

  it('leaves the other slices alone', () => {
    const { selection, view, trainingForm } = useLabStore.getState();
    useLabStore.getState().setSettings({ zeta: 0.7 });
    expect(useLabStore.getState().settings.zeta).toBe(0.7);
    expect(useLabStore.getState().selection).toBe(selection);
    expect(useLabStore.getState().view).toBe(view);
    expect(useLabStore.getState().trainingForm).toBe(trainingForm);
  });
});
