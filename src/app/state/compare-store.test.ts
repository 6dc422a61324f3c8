import { describe, expect, it } from 'vitest';
import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../core/cdul/temperature';
import { isPaperVersusReference, useCompareStore } from './compare-store';
import { DEFAULT_SETTINGS } from './run-store';

describe('compare store', () => {
  it('starts with ζ 0.1 (A) against ζ 0.5 (B), edits one side, swaps', () => {
    const store = useCompareStore.getState();
    expect(store.a.zeta).toBe(0.1);
    expect(store.b.zeta).toBe(0.5);
    store.setSide('b', { lambda: 1 });
    expect(useCompareStore.getState().b).toEqual({ ...DEFAULT_SETTINGS, zeta: 0.5, lambda: 1 });
    expect(useCompareStore.getState().a).toEqual(DEFAULT_SETTINGS);
    store.swap();
    expect(useCompareStore.getState().a.lambda).toBe(1);
    expect(useCompareStore.getState().b.lambda).toBe(0);
  });
  it('sets up the paper-versus-reference comparison from a base setting', () => {
    const base = { ...DEFAULT_SETTINGS, zeta: 0.3, convention: 'voc07' as const };
    useCompareStore.getState().paperVersusReference(base);
    const { a, b, mode } = useCompareStore.getState();
    expect(a).toEqual({ ...base, scale: PAPER_SCALE.scale });
    expect(b).toEqual({ ...base, scale: REFERENCE_REPRODUCTION_SCALE.scale });
    expect(mode).toBe('aggregate');
    expect(isPaperVersusReference(a, b)).toBe(true);
    expect(isPaperVersusReference(b, a)).toBe(false);
    expect(isPaperVersusReference(a, { ...b, zeta: 0.4 })).toBe(false);
  });
});
