/** Which initial pseudo label to take (spec §1): CLIP global alone, the aggregate, or the final mix. */
export type PseudoLabelMode = 'global' | 'aggregate' | 'final';

/** The three modes in the order every table, chart and report lists them. */
export const PSEUDO_LABEL_MODES: readonly PseudoLabelMode[] = ['global', 'aggregate', 'final'];

/** One value per mode (mAPs, score matrices, PR curves…). */
export type ByMode<T> = Readonly<Record<PseudoLabelMode, T>>;

/** A ByMode built by calling `of` once per mode. */
export function byMode<T>(of: (mode: PseudoLabelMode) => T): ByMode<T> {
  return Object.fromEntries(PSEUDO_LABEL_MODES.map((mode) => [mode, of(mode)])) as Record<PseudoLabelMode, T>;
}
