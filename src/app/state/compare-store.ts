import { create } from 'zustand';
import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../core/cdul/temperature';
import type { PseudoLabelMode } from '../../core/evaluation/pseudo-labels';
import type { PseudoLabelSettingsMessage } from '../../worker/protocol';
import { DEFAULT_SETTINGS } from './run-store';

export type CompareSide = 'a' | 'b';

/**
 * The Compare view's two settings and its choices, in one small store so the URL state can read and
 * restore them (exported for that; wired to the URL by url-state.ts: `a`, `b`, `atpl`, `btpl`).
 */
export interface CompareState {
  readonly a: PseudoLabelSettingsMessage;
  readonly b: PseudoLabelSettingsMessage;
  /** Class of the precision–recall curves. */
  readonly classIndex: number;
  /** Mode of the per-class table and of the "labels changed most" list. */
  readonly mode: PseudoLabelMode;
  setSide(side: CompareSide, patch: Partial<PseudoLabelSettingsMessage>): void;
  setBoth(a: PseudoLabelSettingsMessage, b: PseudoLabelSettingsMessage): void;
  swap(): void;
  setClassIndex(classIndex: number): void;
  setMode(mode: PseudoLabelMode): void;
  /** The one-click comparison: `base` at the paper's scale (A) against the reference reproduction's (B). */
  paperVersusReference(base: PseudoLabelSettingsMessage): void;
}

export const useCompareStore = create<CompareState>((set) => ({
  a: DEFAULT_SETTINGS,
  b: { ...DEFAULT_SETTINGS, zeta: 0.5 },
  classIndex: 0,
  mode: 'final',
  setSide: (side, patch) => set((state) => ({ [side]: { ...state[side], ...patch } }) as Partial<CompareState>),
  setBoth: (a, b) => set({ a, b }),
  swap: () => set((state) => ({ a: state.b, b: state.a })),
  setClassIndex: (classIndex) => set({ classIndex }),
  setMode: (mode) => set({ mode }),
  paperVersusReference: (base) =>
    set({ a: { ...base, scale: PAPER_SCALE.scale }, b: { ...base, scale: REFERENCE_REPRODUCTION_SCALE.scale }, mode: 'aggregate' }),
}));

/** Whether A and B are the paper-versus-reference comparison (only the temperature differs). */
export function isPaperVersusReference(a: PseudoLabelSettingsMessage, b: PseudoLabelSettingsMessage): boolean {
  return (
    a.scale === PAPER_SCALE.scale &&
    b.scale === REFERENCE_REPRODUCTION_SCALE.scale &&
    a.zeta === b.zeta &&
    a.lambda === b.lambda &&
    a.convention === b.convention &&
    a.difficult === b.difficult
  );
}
