import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../core/cdul/temperature';
import { DEFAULT_LAB_SETTINGS, type LabSettings } from '../../core/evaluation/lab-settings';
import type { PseudoLabelMode } from '../../core/evaluation/pseudo-label-modes';
import type { SliceSet } from './slice';

export type CompareSide = 'a' | 'b';

/** The Compare view's two settings and its choices. */
export interface CompareState {
  readonly a: LabSettings;
  readonly b: LabSettings;
  /** Class of the precision–recall curves. */
  readonly classIndex: number;
  /** Mode of the per-class table and of the "labels changed most" list. */
  readonly mode: PseudoLabelMode;
}

/** The pseudo-label settings the user chose: the workspace's one, and Compare's A and B. */
export interface SettingsSlice {
  readonly settings: LabSettings;
  readonly compare: CompareState;
  setSettings(patch: Partial<LabSettings>): void;
  setCompareSide(side: CompareSide, patch: Partial<LabSettings>): void;
  setCompareSides(a: LabSettings, b: LabSettings): void;
  swapCompareSides(): void;
  setCompareView(patch: Partial<Pick<CompareState, 'classIndex' | 'mode'>>): void;
  /** The one-click comparison: `base` at the paper's scale (A) against the reference reproduction's (B). */
  paperVersusReference(base: LabSettings): void;
}

export const DEFAULT_COMPARE: CompareState = { a: DEFAULT_LAB_SETTINGS, b: { ...DEFAULT_LAB_SETTINGS, zeta: 0.5 }, classIndex: 0, mode: 'final' };

export const createSettingsSlice = (set: SliceSet<SettingsSlice>): SettingsSlice => {
  const patchCompare = (patch: (compare: CompareState) => Partial<CompareState>) => set((state) => ({ compare: { ...state.compare, ...patch(state.compare) } }));
  return {
    settings: DEFAULT_LAB_SETTINGS,
    compare: DEFAULT_COMPARE,
    setSettings: (patch) => set((state) => ({ settings: { ...state.settings, ...patch } })),
    setCompareSide: (side, patch) => patchCompare((compare) => ({ [side]: { ...compare[side], ...patch } })),
    setCompareSides: (a, b) => patchCompare(() => ({ a, b })),
    swapCompareSides: () => patchCompare((compare) => ({ a: compare.b, b: compare.a })),
    setCompareView: (patch) => patchCompare(() => patch),
    paperVersusReference: (base) =>
      patchCompare(() => ({ a: { ...base, scale: PAPER_SCALE.scale }, b: { ...base, scale: REFERENCE_REPRODUCTION_SCALE.scale }, mode: 'aggregate' })),
  };
};

/** Whether A and B are the paper-versus-reference comparison (only the temperature differs). */
export function isPaperVersusReference(a: LabSettings, b: LabSettings): boolean {
  return (
    a.scale === PAPER_SCALE.scale &&
    b.scale === REFERENCE_REPRODUCTION_SCALE.scale &&
    a.zeta === b.zeta &&
    a.lambda === b.lambda &&
    a.convention === b.convention &&
    a.difficult === b.difficult
  );
}
