import type { PseudoLabelMode } from '../../core/evaluation/pseudo-label-modes';
import { apConventionLabel, type ApConvention } from '../../core/metrics/ap-convention';
import type { SkippedItem } from '../../core/data-error';
import type { DifficultPolicy } from '../../core/types';
import type { CacheSource } from './evaluate-options';
import { formatTable, percent } from '../format-table';

/** What `evaluate --json` prints; the table is a view of the same object. */
export interface EvaluationReport {
  readonly source: CacheSource;
  readonly cache: string;
  readonly split: string;
  readonly grid: number;
  /** Softmax multiplier the similarities were (re)computed at; null for the reference caches. */
  readonly scale: number | null;
  readonly mode: PseudoLabelMode;
  /** ζ used (for a sweep: the best one); null for global. */
  readonly thresh: number | null;
  readonly lambda: number | null;
  readonly apConvention: ApConvention;
  readonly difficult: DifficultPolicy;
  /** Percent, 0–100, macro mean over classes with a positive. */
  readonly mAP: number;
  readonly ap: Record<string, number | null>;
  readonly images: number;
  readonly classes: string[];
  readonly evaluatedClasses: number;
  readonly classesWithoutPositives: string[];
  readonly sweep: { thresh: number; mAP: number }[] | null;
  readonly skipped: SkippedItem[];
  readonly warnings: string[];
}

export function formatEvaluation(report: EvaluationReport): string {
  const setting = [
    `mode ${report.mode}`,
    report.thresh === null ? '' : `ζ ${report.thresh}${report.sweep ? ' (best of sweep)' : ''}`,
    report.lambda === null ? '' : `λ ${report.lambda}`,
  ].filter(Boolean);
  const lines = [
    `evaluate ${report.source} ${report.cache} · split ${report.split} · grid ${report.grid}×${report.grid}` +
      (report.scale === null ? '' : ` · softmax scale ${Number(report.scale.toPrecision(6))}`),
    `${setting.join(' · ')} · AP ${apConventionLabel(report.apConvention)} · difficult ${report.difficult}`,
    `${report.images} images · ${report.evaluatedClasses} of ${report.classes.length} classes have a positive` +
      (report.classesWithoutPositives.length ? ` (no AP: ${report.classesWithoutPositives.join(', ')})` : ''),
    '',
    formatTable(
      ['class', 'AP %'],
      [...report.classes.map((name) => [name, percent(report.ap[name] ?? null)]), ['mAP', percent(report.mAP)]],
    ),
  ];
  if (report.sweep) {
    lines.push('', formatTable(['ζ', 'mAP %'], report.sweep.map((point) => [String(point.thresh), percent(point.mAP)])));
  }
  lines.push('', `skipped ${report.skipped.length} image(s)`);
  return lines.join('\n');
}
