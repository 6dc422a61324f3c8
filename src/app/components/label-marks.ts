import type { LabelMark } from '../../core/lab/gallery';

/** How a label's mark against the ground truth is written: never by colour alone, always a symbol and a name. */
export const MARK_TEXT: Readonly<Record<LabelMark, { readonly symbol: string; readonly name: string }>> = {
  tp: { symbol: '✓', name: 'true positive' },
  fp: { symbol: '✗', name: 'false positive' },
  missed: { symbol: '○', name: 'missed' },
  difficult: { symbol: '◐', name: 'difficult (ignored)' },
};
