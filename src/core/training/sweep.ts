import { keptEpochNumber } from './epoch-selection';
import { seededRandom } from '../seeded-random';
import type { EpochFigures } from './trainer';
import { DEFAULT_TRAINING_SETTINGS, firstLabelUpdateEpoch, validateTrainingSettings, type TrainingSettings } from './training-settings';

/**
 * Hyper-parameter sweeps (as the reference reproduction's Optuna search, run one after another on the
 * GPU): which runs to make, and how to rank what they gave. Pure planning — no trainer, no DOM.
 */

/** The swept values of each setting, each a non-empty list (a setting not swept: a one-value list). */
export interface SweepSpace {
  readonly learningRate: readonly number[];
  readonly updateEvery: readonly number[];
  readonly sigma: readonly number[];
  readonly eta: readonly number[];
  readonly hidden: readonly number[];
}

export type SweepField = keyof SweepSpace;

/** The grid's nesting order: the first field varies slowest, the last fastest (as itertools.product). */
export const SWEEP_FIELDS: readonly SweepField[] = ['learningRate', 'updateEvery', 'sigma', 'eta', 'hidden'];

/** No plan makes more runs than this. */
export const MAX_SWEEP_RUNS = 200;

/** Grids with more points than this are refused before they are enumerated. */
export const MAX_SWEEP_POINTS = 1_000_000;

export type SweepPlan = { readonly kind: 'grid' } | { readonly kind: 'random'; readonly trials: number; readonly seed: number };

/** The space that sweeps nothing: every field a one-value list of `base`'s value. */
export function sweepSpaceOf(base: TrainingSettings): SweepSpace {
  return { learningRate: [base.learningRate], updateEvery: [base.updateEvery], sigma: [base.sigma], eta: [base.eta], hidden: [base.hidden] };
}

const NUMBER_TOKEN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * "1e-2, 3e-3 1e-3" → [0.01, 0.003, 0.001]: numbers separated by commas and/or white space, duplicates
 * (by value) dropped keeping the first, each valid for `field` as validateTrainingSettings decides
 * (whole numbers ≥ 1 for updateEvery and hidden, > 0 for learningRate and sigma, ≥ 0 for eta).
 * Throws a RangeError naming the field and the offending token.
 */
export function parseSweepValues(text: string, field: SweepField): number[] {
  const tokens = text.split(/[\s,]+/).filter((token) => token !== '');
  if (tokens.length === 0) throw new RangeError(`${field}: no values given`);
  const values: number[] = [];
  for (const token of tokens) {
    const value = NUMBER_TOKEN.test(token) ? Number(token) : Number.NaN;
    if (!Number.isFinite(value)) throw new RangeError(`${field}: '${token}' is not a number`);
    checkFieldValue(field, value, `'${token}'`);
    const normalised = value === 0 ? 0 : value; // -0 → 0
    if (!values.includes(normalised)) values.push(normalised);
  }
  return values;
}

/**
 * The runs of a sweep around `base` (whose other settings every run shares).
 * - grid: every point of the cartesian product, in SWEEP_FIELDS nesting order and each list's order;
 * - random: `trials` distinct runs drawn without replacement with seededRandom(seed), in the order drawn
 *   (so the first k runs of a plan are the plan with trials k: a longer sweep extends a shorter one);
 *   every run when trials ≥ the number of distinct runs.
 * Points that would train identically are planned once (the first in grid order is kept): `hidden`
 * when the head is linear; `sigma`, `eta` and `updateEvery` when no label update can happen (η = 0, or
 * the first update epoch > epochs). Throws a RangeError for an invalid base, value or plan, and when
 * the plan has more than MAX_SWEEP_RUNS runs.
 */
export function planSweep(base: TrainingSettings, space: SweepSpace, plan: SweepPlan): TrainingSettings[] {
  const runs = distinctRuns(base, space);
  if (plan.kind === 'grid') {
    if (runs.length > MAX_SWEEP_RUNS) {
      throw new RangeError(`the grid has ${runs.length} distinct runs (${gridPoints(space)} points); at most ${MAX_SWEEP_RUNS} — shorten a list or plan a random sweep`);
    }
    return runs;
  }
  const { trials, seed } = plan;
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError(`trials must be a whole number ≥ 1, got ${trials}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be a whole number in 0…${0xffffffff}, got ${seed}`);
  const count = Math.min(trials, runs.length);
  if (count > MAX_SWEEP_RUNS) {
    throw new RangeError(`${count} trials asked for (the grid has ${runs.length} distinct runs); at most ${MAX_SWEEP_RUNS}`);
  }
  // Partial Fisher–Yates: position k takes a uniformly drawn run among those not yet taken.
  const random = seededRandom(seed);
  const order = runs.slice();
  for (let k = 0; k < count; k++) {
    const j = k + Math.floor(random() * (order.length - k));
    const taken = order[j]!;
    order[j] = order[k]!;
    order[k] = taken;
  }
  return order.slice(0, count);
}

/** How big a sweep is: grid points, and distinct runs once identical trainings are merged. */
export function sweepSize(base: TrainingSettings, space: SweepSpace): { points: number; runs: number } {
  return { points: gridPoints(space), runs: distinctRuns(base, space).length };
}

/** True when `settings` updates the pseudo labels at least once (η > 0 and an update epoch ≤ epochs). */
export function updatesLabels(settings: TrainingSettings): boolean {
  return settings.eta > 0 && firstLabelUpdateEpoch(settings) <= settings.epochs;
}

function distinctRuns(base: TrainingSettings, space: SweepSpace): TrainingSettings[] {
  validateTrainingSettings(base);
  for (const field of SWEEP_FIELDS) {
    const values = space[field];
    if (values.length === 0) throw new RangeError(`${field}: the list of values is empty`);
    for (const value of values) checkFieldValue(field, value, String(value));
  }
  const points = gridPoints(space);
  if (points > MAX_SWEEP_POINTS) throw new RangeError(`the grid has ${points} points; at most ${MAX_SWEEP_POINTS} can be planned`);
  const seen = new Set<string>();
  const runs: TrainingSettings[] = [];
  const visit = (depth: number, settings: TrainingSettings): void => {
    if (depth === SWEEP_FIELDS.length) {
      const key = trainingKey(settings);
      if (!seen.has(key)) {
        seen.add(key);
        runs.push(settings);
      }
      return;
    }
    const field = SWEEP_FIELDS[depth]!;
    for (const value of space[field]) visit(depth + 1, { ...settings, [field]: value });
  };
  visit(0, base);
  return runs;
}

function gridPoints(space: SweepSpace): number {
  return SWEEP_FIELDS.reduce((product, field) => product * space[field].length, 1);
}

/** Equal keys ⇔ the runs train identically (only the swept fields differ between points). */
function trainingKey(settings: TrainingSettings): string {
  const updates = updatesLabels(settings);
  return JSON.stringify([
    settings.learningRate,
    settings.head === 'mlp' ? settings.hidden : null,
    updates ? settings.updateEvery : null,
    updates ? settings.sigma : null,
    updates ? settings.eta : null,
  ]);
}

function checkFieldValue(field: SweepField, value: number, shown: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${field}: ${shown} is not a finite number`);
  try {
    validateTrainingSettings({ ...DEFAULT_TRAINING_SETTINGS, [field]: value });
  } catch (error) {
    if (error instanceof RangeError) throw new RangeError(`${field}: ${shown} is not allowed (${error.message})`);
    throw error;
  }
}

/** One finished (or stopped) run of a sweep, as a row of the results table. */
export interface SweepRunSummary {
  readonly id: string;
  readonly settings: TrainingSettings;
  /** Epochs run (fewer than settings.epochs after an early stop or a cancel). */
  readonly epochs: number;
  /** Fewer epochs than settings.epochs: stopped by patience, or cancelled. */
  readonly stoppedEarly: boolean;
  /** Loss of the last epoch; null before the first. NaN if the run diverged. */
  readonly finalLoss: number | null;
  /** mAP (%) of the pseudo labels training started from (Y0: z0 = logit Y0 keeps its ranking), when the caller gave it. */
  readonly initialPseudoLabelMap: number | null;
  readonly finalPseudoLabelMap: number | null;
  readonly bestPseudoLabelMap: number | null;
  /** Epoch of bestPseudoLabelMap (the first on ties). */
  readonly bestPseudoLabelEpoch: number | null;
  /** finalPseudoLabelMap − initialPseudoLabelMap, percentage points: what the label updates did. */
  readonly pseudoLabelGain: number | null;
  readonly finalValMap: number | null;
  readonly bestValMap: number | null;
  /** Epoch of bestValMap (the first on ties): what the ground truth would have picked. */
  readonly bestEpoch: number | null;
  /** The epoch the run keeps, chosen without ground truth (lowest held-out KL, else the last). */
  readonly keptEpoch: number | null;
  /** Val mAP of the kept epoch's head: what a user without ground truth gets. */
  readonly keptValMap: number | null;
}

/** The table row of a run from its per-epoch figures (in epoch order, as the trainer returned them). */
export function summariseRun(
  id: string,
  settings: TrainingSettings,
  figures: readonly EpochFigures[],
  initialPseudoLabelMap: number | null = null,
): SweepRunSummary {
  const last = figures.at(-1);
  const pseudo = best(figures, (figure) => figure.pseudoLabelMap);
  const val = best(figures, (figure) => figure.valMap);
  const finalPseudoLabelMap = last?.pseudoLabelMap ?? null;
  const keptEpoch = keptEpochNumber(figures);
  return {
    id,
    settings,
    epochs: figures.length,
    stoppedEarly: figures.length < settings.epochs,
    finalLoss: last?.loss ?? null,
    initialPseudoLabelMap,
    finalPseudoLabelMap,
    bestPseudoLabelMap: pseudo.value,
    bestPseudoLabelEpoch: pseudo.epoch,
    pseudoLabelGain: finalPseudoLabelMap !== null && initialPseudoLabelMap !== null ? finalPseudoLabelMap - initialPseudoLabelMap : null,
    finalValMap: last?.valMap ?? null,
    bestValMap: val.value,
    bestEpoch: val.epoch,
    keptEpoch,
    keptValMap: keptEpoch === null ? null : (figures.find((figure) => figure.epoch === keptEpoch)?.valMap ?? null),
  };
}

function best(figures: readonly EpochFigures[], value: (figure: EpochFigures) => number | null): { value: number | null; epoch: number | null } {
  let result: { value: number | null; epoch: number | null } = { value: null, epoch: null };
  for (const figure of figures) {
    const v = value(figure);
    if (v === null || Number.isNaN(v)) continue;
    if (result.value === null || v > result.value) result = { value: v, epoch: figure.epoch };
  }
  return result;
}

export type SweepSortKey =
  | 'id'
  | SweepField
  | 'epochs'
  | 'finalLoss'
  | 'initialPseudoLabelMap'
  | 'finalPseudoLabelMap'
  | 'bestPseudoLabelMap'
  | 'bestPseudoLabelEpoch'
  | 'pseudoLabelGain'
  | 'finalValMap'
  | 'bestValMap'
  | 'bestEpoch'
  | 'keptEpoch'
  | 'keptValMap';

export type SortDirection = 'asc' | 'desc';

/** The value a results table shows and sorts by; null (shown as —) when it does not apply, e.g. hidden for a linear head. */
export function sweepRunValue(run: SweepRunSummary, key: Exclude<SweepSortKey, 'id'>): number | null {
  switch (key) {
    case 'learningRate':
    case 'updateEvery':
    case 'sigma':
    case 'eta':
      return run.settings[key];
    case 'hidden':
      return run.settings.head === 'mlp' ? run.settings.hidden : null;
    default:
      return run[key];
  }
}

/**
 * A sorted copy of `runs`: by `key` in `direction`; null (and NaN) always last whatever the direction;
 * ties, and the nulls among themselves, by id ascending (digit runs compared as numbers: run-2 < run-10).
 */
export function sortRuns(runs: readonly SweepRunSummary[], key: SweepSortKey, direction: SortDirection): SweepRunSummary[] {
  const sign = direction === 'asc' ? 1 : -1;
  return runs.slice().sort((a, b) => {
    if (key === 'id') return sign * compareIds(a.id, b.id);
    const va = sortable(sweepRunValue(a, key));
    const vb = sortable(sweepRunValue(b, key));
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) {
      return sign * (va < vb ? -1 : 1);
    }
    return compareIds(a.id, b.id);
  });
}

function sortable(value: number | null): number | null {
  return value === null || Number.isNaN(value) ? null : value;
}

/** Natural order: digit runs compare as numbers, the rest by UTF-16 code units; then plain order. */
export function compareIds(a: string, b: string): number {
  const partsA = a.match(/\d+|\D+/g) ?? [];
  const partsB = b.match(/\d+|\D+/g) ?? [];
  for (let k = 0; k < Math.min(partsA.length, partsB.length); k++) {
    const pa = partsA[k]!;
    const pb = partsB[k]!;
    if (pa === pb) continue;
    const digitsA = /^\d/.test(pa);
    const digitsB = /^\d/.test(pb);
    if (digitsA && digitsB) {
      const na = pa.replace(/^0+(?=\d)/, '');
      const nb = pb.replace(/^0+(?=\d)/, '');
      if (na.length !== nb.length) return na.length - nb.length;
      if (na !== nb) return na < nb ? -1 : 1;
      continue;
    }
    return pa < pb ? -1 : 1;
  }
  if (partsA.length !== partsB.length) return partsA.length - partsB.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
