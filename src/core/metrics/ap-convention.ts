/**
 * The three average-precision conventions the lab can report (spec §3 "Evaluation").
 * - `step`: non-interpolated, Σ (R_n − R_{n−1}) P_n over distinct score thresholds — scikit-learn's
 *   `average_precision_score` and torchmetrics' `MultilabelAveragePrecision` (what the CDUL
 *   reproduction reports). Tied scores form one threshold.
 * - `voc07`: PASCAL VOC2007 devkit, mean over 11 recall levels of the interpolated precision.
 * - `voc10`: PASCAL VOC2010+ devkit, area under the precision envelope made monotone from the right.
 */
export type ApConvention = 'step' | 'voc07' | 'voc10';

/** All conventions, in the order a settings menu lists them. */
export const AP_CONVENTIONS: readonly ApConvention[] = ['step', 'voc07', 'voc10'];

/** Human labels for menus, tables and chart legends. */
export const AP_CONVENTION_LABELS: Readonly<Record<ApConvention, string>> = {
  step: 'step-wise (sklearn)',
  voc07: 'VOC2007 11-point',
  voc10: 'VOC2010+ all-point',
};

export function apConventionLabel(convention: ApConvention): string {
  return AP_CONVENTION_LABELS[convention];
}

/** Narrows a user-supplied string (CLI flag, URL parameter, saved setting). */
export function isApConvention(value: string): value is ApConvention {
  return (AP_CONVENTIONS as readonly string[]).includes(value);
}
