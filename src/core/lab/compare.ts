import type { LabSettings } from '../evaluation/lab-settings';
import { byMode, PSEUDO_LABEL_MODES, type ByMode, type PseudoLabelMode } from '../evaluation/pseudo-label-modes';
import type { ApConvention } from '../metrics/ap-convention';
import type { DifficultPolicy } from '../types';

/**
 * Pure logic of the Compare view (issue 5 item 4): two pseudo-label settings A and B side by side.
 * The view holds no math: deltas, the "labels changed most" ranking and the chart series come from here.
 */

const SHORT_CONVENTION: Readonly<Record<ApConvention, string>> = {
  step: 'step-wise',
  voc07: 'VOC07 11-point',
  voc10: 'VOC10+ all-point',
};

/** What a number was measured with, e.g. "VOC07 11-point, difficult ignored". */
export function metricLabel(convention: ApConvention, difficult: DifficultPolicy): string {
  return `${SHORT_CONVENTION[convention]}, difficult ${difficult === 'ignore' ? 'ignored' : 'as positive'}`;
}

/** The unit of a mAP column, e.g. "mAP % (VOC07 11-point, difficult ignored)". */
export function mapUnitLabel(settings: Pick<LabSettings, 'convention' | 'difficult'>, what = 'mAP'): string {
  return `${what} % (${metricLabel(settings.convention, settings.difficult)})`;
}

/** The temperature of a setting for people: "model's own", "paper 100", "reference 1/ln 100" or the number. */
export function scaleLabel(scale: number | null, paperScale: number, referenceScale: number): string {
  if (scale === null) return "model's own";
  if (scale === paperScale) return 'paper: 100';
  if (scale === referenceScale) return 'reference: 1/ln 100';
  return `custom: ${formatNumber(scale, 3)}`;
}

/** A signed difference B − A with its sign always shown ("+1.25", "−0.50", "±0.00"). */
export function formatDelta(delta: number | null, digits = 2): string {
  if (delta === null || !Number.isFinite(delta)) return '—';
  const rounded = Number(delta.toFixed(digits));
  if (rounded === 0) return `±${(0).toFixed(digits)}`;
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(digits)}`;
}

function formatNumber(value: number, digits: number): string {
  return Number(value.toFixed(digits)).toString();
}

/** B − A, or null when either side has no value (a class without positives). */
export function delta(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  return b - a;
}

/** The part of an evaluation the comparison reads (MeanApResult satisfies it). */
export interface EvaluationLike {
  readonly mAP: number;
  readonly perClass: readonly { readonly className: string; readonly ap: number | null }[];
}

export interface MapComparisonRow {
  readonly mode: PseudoLabelMode;
  readonly a: number;
  readonly b: number;
  readonly delta: number;
}

export interface ClassComparisonRow {
  readonly className: string;
  readonly classIndex: number;
  readonly a: ByMode<number | null>;
  readonly b: ByMode<number | null>;
  readonly delta: ByMode<number | null>;
}

export interface EvaluationComparison {
  readonly map: readonly MapComparisonRow[];
  readonly perClass: readonly ClassComparisonRow[];
}

/** mAP and per-class AP of A and B for the three modes, with deltas B − A (classes in A's column order). */
export function compareEvaluations(a: ByMode<EvaluationLike>, b: ByMode<EvaluationLike>): EvaluationComparison {
  const map = PSEUDO_LABEL_MODES.map((mode) => ({ mode, a: a[mode].mAP, b: b[mode].mAP, delta: b[mode].mAP - a[mode].mAP }));
  const classes = a.global.perClass;
  for (const mode of PSEUDO_LABEL_MODES) {
    for (const side of [a[mode], b[mode]]) {
      if (side.perClass.length !== classes.length || side.perClass.some((entry, i) => entry.className !== classes[i]!.className)) {
        throw new RangeError('A and B were evaluated on different classes');
      }
    }
  }
  const perClass = classes.map((entry, classIndex) => {
    const of = (side: ByMode<EvaluationLike>) => byMode((mode) => side[mode].perClass[classIndex]!.ap);
    const apA = of(a);
    const apB = of(b);
    return { className: entry.className, classIndex, a: apA, b: apB, delta: byMode((mode) => delta(apA[mode], apB[mode])) };
  });
  return { map, perClass };
}

export interface LabelChange {
  readonly row: number;
  readonly id: string;
  /** Σ over classes of |B − A|: how much the image's label vector moved. */
  readonly total: number;
  /** The class that moved most, and its scores under A and B. */
  readonly classIndex: number;
  readonly className: string;
  readonly a: number;
  readonly b: number;
}

/**
 * The images whose pseudo labels changed most between A and B: score matrices [images × classes]
 * row-major, ranked by the L1 distance of their label vectors (ties: split order); images that did not
 * change at all are left out. At most `limit` entries.
 */
export function labelsChangedMost(
  ids: readonly string[],
  classes: readonly string[],
  a: Float32Array,
  b: Float32Array,
  limit: number,
): LabelChange[] {
  const cols = classes.length;
  if (a.length !== ids.length * cols || b.length !== a.length) {
    throw new RangeError(`expected ${ids.length}×${cols} scores for A and B, got ${a.length} and ${b.length}`);
  }
  const changes: LabelChange[] = [];
  for (let row = 0; row < ids.length; row++) {
    let total = 0;
    let best = 0;
    let bestDiff = -1;
    for (let c = 0; c < cols; c++) {
      const diff = Math.abs(b[row * cols + c]! - a[row * cols + c]!);
      total += diff;
      if (diff > bestDiff) {
        bestDiff = diff;
        best = c;
      }
    }
    if (total > 0) {
      changes.push({ row, id: ids[row]!, total, classIndex: best, className: classes[best]!, a: a[row * cols + best]!, b: b[row * cols + best]! });
    }
  }
  changes.sort((x, y) => y.total - x.total || x.row - y.row);
  return changes.slice(0, Math.max(0, limit));
}

/** ζ from `from` to `to` by `step`, plus the extra values (A's and B's ζ), sorted, deduplicated at 1e-9. */
export function zetaGrid(from: number, to: number, step: number, extra: readonly number[] = []): number[] {
  if (!(step > 0) || !(to >= from)) throw new RangeError(`bad ζ grid ${from}:${step}:${to}`);
  const count = Math.round((to - from) / step);
  const values = Array.from({ length: count + 1 }, (_, i) => Number((from + i * step).toFixed(6)));
  for (const value of extra) if (Number.isFinite(value)) values.push(value);
  values.sort((x, y) => x - y);
  return values.filter((value, i) => i === 0 || value - values[i - 1]! > 1e-9);
}

/** One ζ of the chart: the mAP of each mode under A's (`a_<mode>`) and, when it differs, B's settings. */
export interface ZetaChartRow {
  readonly zeta: number;
  readonly a_global: number;
  readonly a_aggregate: number;
  readonly a_final: number;
  readonly b_global?: number;
  readonly b_aggregate?: number;
  readonly b_final?: number;
}

export interface ZetaSweepLike {
  readonly zetas: readonly number[];
  readonly mAP: ByMode<readonly number[]>;
}

export interface ZetaMarker {
  readonly label: 'A' | 'B';
  readonly zeta: number;
  readonly mAP: ByMode<number>;
}

export interface ZetaChart {
  readonly rows: readonly ZetaChartRow[];
  /** Whether B's curves differ from A's (λ, scale, convention or difficult differ): then drawn too. */
  readonly separateB: boolean;
  /** B's curves differ from A's but are not computed yet: A's are drawn alone meanwhile. */
  readonly pendingB: boolean;
  /** A's, then B's (not while B is pending). */
  readonly markers: readonly ZetaMarker[];
}

/** Whether two settings give the same mAP-versus-ζ curves (everything but ζ equal, grid and prompts too). */
export function sameCurves(a: LabSettings, b: LabSettings): boolean {
  const sameScores = (a.grid ?? null) === (b.grid ?? null) && (a.promptTemplate ?? null) === (b.promptTemplate ?? null);
  return sameScores && a.lambda === b.lambda && a.scale === b.scale && a.convention === b.convention && a.difficult === b.difficult;
}

/**
 * Shapes the sweeps into chart rows and places A and B on their curves. `sweepB` is null when B shares
 * A's curves (sameCurves), or while B's own are computed (`pendingB`: A's chart alone, without B's
 * marker); each sweep must include its side's ζ (see zetaGrid's `extra`).
 */
export function zetaChart(settingsA: LabSettings, settingsB: LabSettings, sweepA: ZetaSweepLike, sweepB: ZetaSweepLike | null, pendingB = false): ZetaChart {
  const rows: ZetaChartRow[] = sweepA.zetas.map((zeta, i) => ({
    zeta,
    a_global: sweepA.mAP.global[i]!,
    a_aggregate: sweepA.mAP.aggregate[i]!,
    a_final: sweepA.mAP.final[i]!,
  }));
  if (sweepB) {
    if (sweepB.zetas.length !== sweepA.zetas.length || sweepB.zetas.some((zeta, i) => zeta !== sweepA.zetas[i])) {
      throw new RangeError('A and B were swept over different ζ');
    }
    sweepB.zetas.forEach((_, i) => {
      rows[i] = { ...rows[i]!, b_global: sweepB.mAP.global[i]!, b_aggregate: sweepB.mAP.aggregate[i]!, b_final: sweepB.mAP.final[i]! };
    });
  }
  const marker = (label: 'A' | 'B', zeta: number, sweep: ZetaSweepLike): ZetaMarker => {
    const i = sweep.zetas.findIndex((value) => Math.abs(value - zeta) < 1e-9);
    if (i < 0) throw new RangeError(`ζ = ${zeta} (${label}) is not in the sweep`);
    return { label, zeta, mAP: byMode((mode) => sweep.mAP[mode][i]!) };
  };
  const markerA = marker('A', settingsA.zeta, sweepA);
  return {
    rows,
    separateB: sweepB !== null,
    pendingB: sweepB === null && pendingB,
    markers: sweepB === null && pendingB ? [markerA] : [markerA, marker('B', settingsB.zeta, sweepB ?? sweepA)],
  };
}

/**
 * The temperature collapse, read off a sweep: the smallest ζ of the sweep from which the aggregate's
 * mAP stays equal (within `tolerance`) to its value at the sweep's largest ζ — there every α < ζ,
 * so the aggregate is β. Null when only the last point has that value.
 */
export function collapseThreshold(sweep: ZetaSweepLike, tolerance = 1e-9): { readonly from: number; readonly betaMap: number } | null {
  const values = sweep.mAP.aggregate;
  const last = values.length - 1;
  if (last < 1) return null;
  const betaMap = values[last]!;
  let first = last;
  while (first > 0 && Math.abs(values[first - 1]! - betaMap) <= tolerance) first--;
  return first === last ? null : { from: sweep.zetas[first]!, betaMap };
}

export interface CurvePoint {
  readonly recall: number;
  readonly precision: number;
}

/** A precision–recall curve (struct of arrays, as the worker sends it) as chart points, starting at recall 0. */
export function prCurvePoints(curve: { readonly length: number; readonly recall: ArrayLike<number>; readonly precision: ArrayLike<number> }): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (let i = 0; i < curve.length; i++) points.push({ recall: curve.recall[i]!, precision: curve.precision[i]! });
  if (points.length > 0 && points[0]!.recall > 0) points.unshift({ recall: 0, precision: points[0]!.precision });
  return points;
}

/** The largest value of a score matrix (e.g. every global score at one temperature); NaN when empty. */
export function largestScore(scores: ArrayLike<number>): number {
  let best = Number.NaN;
  for (let i = 0; i < scores.length; i++) if (!(scores[i]! <= best)) best = scores[i]!;
  return best;
}

/**
 * The mAP axis of the ζ chart. 'fit' (the default): from the lowest to the highest value of A's and B's
 * curves, widened to a round step that gives 4 to 10 ticks (at least one step between the ends, inside
 * 0…100), so curves a point apart stay apart; 'full': 0 to 100, ticks every 10.
 */
export function mapAxis(chart: ZetaChart, range: 'fit' | 'full' = 'fit'): { readonly domain: readonly [number, number]; readonly ticks: readonly number[] } {
  if (range === 'full') return { domain: [0, 100], ticks: ticksOf(0, 100, 10) };
  let min = Infinity;
  let max = -Infinity;
  for (const row of chart.rows) {
    for (const value of [row.a_global, row.a_aggregate, row.a_final, row.b_global, row.b_aggregate, row.b_final]) {
      if (value === undefined || !Number.isFinite(value)) continue;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }
  if (min > max) return { domain: [0, 100], ticks: ticksOf(0, 100, 10) };
  // A flat set of curves gets a one-point axis, not a tenth of one.
  const step = max === min ? 1 : (AXIS_STEPS.find((candidate) => (max - min) / candidate <= 8) ?? 20);
  let lower = Math.max(0, Math.floor(min / step) * step);
  let upper = Math.min(100, Math.ceil(max / step) * step);
  if (upper - lower < step) {
    // A flat set of curves: one step on the side that has room.
    if (upper + step <= 100) upper += step;
    else lower = Math.max(0, lower - step);
  }
  return { domain: [round(lower), round(upper)], ticks: ticksOf(lower, upper, step) };
}

const AXIS_STEPS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20];

const round = (value: number) => Number(value.toFixed(6));

function ticksOf(lower: number, upper: number, step: number): number[] {
  const count = Math.round((upper - lower) / step);
  return Array.from({ length: count + 1 }, (_, i) => round(lower + i * step));
}
