import { parseArgs } from 'node:util';
import { PSEUDO_LABEL_MODES, type PseudoLabelMode } from '../../core/evaluation/pseudo-label-modes';
import { sweepThresholds } from '../../core/evaluation/zeta-sweep';
import { AP_CONVENTIONS, type ApConvention } from '../../core/metrics/ap-convention';
import { MAX_GRID, MIN_GRID } from '../../core/cdul/snippet-grid';
import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../core/cdul/temperature';
import type { DifficultPolicy } from '../../core/types';
import {
  parseChoice,
  parseIntegerOption,
  parseNumberOption,
  parseSweepOption,
  requireOption,
} from '../option-parsers';
import { DATASET_OPTIONS, parseDatasetChoice, type DatasetChoice } from '../dataset-options';
import { UsageError } from '../usage-error';

export const EVALUATE_USAGE = `cdul evaluate --dataset DIR [--format F] [--split S] --source ref-cache|cache --cache DIR [--grid N]
              --mode global|aggregate|final [--thresh ζ] [--lambda λ] [--ap step|voc07|voc10]
              [--difficult positive|ignore] [--sweep FROM:TO:STEP] [--scale paper|reference|S] [--json]
  mAP of pseudo labels against the split's ground truth (no --split: the layout's default, for VOC every
  annotated image; the dataset options are those of cdul dataset; a folder without ground truth has no mAP). --source ref-cache: --cache is one model folder
  of the reference reproduction (…/clip_cache/model_<clip>) and --grid is required; --source cache: a
  folder written by cdul cache (grid from its manifest); --scale recomputes its similarities from the
  stored embeddings at softmax multiplier 100 (paper), 1/ln 100 (reference) or S.
  aggregate and final are recomputed from α/β at any ζ (--thresh, required for them unless --sweep;
  global ignores it, saying so on stderr).
  Defaults: --lambda 0, --ap step (sklearn, as the reproduction), --difficult positive.`;

export const CACHE_SOURCES = ['ref-cache', 'cache'] as const;
export type CacheSource = (typeof CACHE_SOURCES)[number];

export interface EvaluateOptions {
  readonly dataset: DatasetChoice;
  readonly split: string | null;
  readonly source: CacheSource;
  readonly cacheDir: string;
  /** Required for ref-cache; for cache, checked against the manifest when given. */
  readonly grid: number | null;
  /** Softmax multiplier to recompute a cache's similarities at (cache source only). */
  readonly scale: number | null;
  readonly mode: PseudoLabelMode;
  /** ζ for a single evaluation; null for 'global' or when sweeping. */
  readonly zeta: number | null;
  readonly lambda: number;
  readonly convention: ApConvention;
  readonly difficult: DifficultPolicy;
  readonly sweep: number[] | null;
  readonly json: boolean;
  /** Options given that do not apply (printed on stderr; the evaluation goes on). */
  readonly warnings: readonly string[];
}

export function parseEvaluateOptions(argv: string[]): EvaluateOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      ...DATASET_OPTIONS,
      split: { type: 'string' },
      source: { type: 'string' },
      cache: { type: 'string' },
      grid: { type: 'string' },
      mode: { type: 'string' },
      thresh: { type: 'string' },
      lambda: { type: 'string', default: '0' },
      ap: { type: 'string', default: 'step' },
      difficult: { type: 'string', default: 'positive' },
      sweep: { type: 'string' },
      scale: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const source = parseChoice(requireOption(values.source, 'source'), 'source', CACHE_SOURCES);
  const mode = parseChoice(requireOption(values.mode, 'mode'), 'mode', PSEUDO_LABEL_MODES);
  const sweep = values.sweep === undefined ? null : parseSweep(values.sweep, mode);
  return {
    dataset: parseDatasetChoice(values),
    split: values.split ?? null,
    source,
    cacheDir: requireOption(values.cache, 'cache'),
    grid: parseGrid(values.grid, source),
    scale: parseScale(values.scale, source),
    mode,
    zeta: parseZeta(values.thresh, mode, sweep !== null),
    lambda: parseNumberOption(values.lambda, 'lambda', { min: 0, max: 1 }),
    convention: parseChoice(values.ap, 'ap', AP_CONVENTIONS),
    difficult: parseChoice<DifficultPolicy>(values.difficult, 'difficult', ['positive', 'ignore']),
    sweep,
    json: values.json,
    warnings: ignoredOptions(values.thresh, mode),
  };
}

/** A script looping over the modes with one --thresh: global ignores ζ, said once on stderr, not a usage error. */
function ignoredOptions(thresh: string | undefined, mode: PseudoLabelMode): string[] {
  return mode === 'global' && thresh !== undefined ? [`--thresh ${thresh} ignored: ζ does not apply to --mode global`] : [];
}

function parseZeta(value: string | undefined, mode: PseudoLabelMode, sweeping: boolean): number | null {
  if (sweeping && value !== undefined) throw new UsageError('give either --thresh or --sweep, not both');
  if (mode === 'global' || sweeping) return null;
  return parseNumberOption(requireOption(value, 'thresh'), 'thresh', { min: 0, max: 1 });
}

function parseSweep(value: string, mode: PseudoLabelMode): number[] {
  if (mode === 'global') throw new UsageError('--sweep needs --mode aggregate or final (global does not depend on ζ)');
  const { from, to, step } = parseSweepOption(value);
  return sweepThresholds(from, to, step);
}

function parseGrid(value: string | undefined, source: CacheSource): number | null {
  if (value === undefined && source === 'cache') return null;
  return parseIntegerOption(requireOption(value, 'grid'), 'grid', { min: MIN_GRID, max: MAX_GRID });
}

function parseScale(value: string | undefined, source: CacheSource): number | null {
  if (value === undefined) return null;
  if (source !== 'cache') throw new UsageError('--scale needs --source cache (the reference caches hold no embeddings)');
  if (value === 'paper') return PAPER_SCALE.scale;
  if (value === 'reference') return REFERENCE_REPRODUCTION_SCALE.scale;
  return parseNumberOption(value, 'scale', { min: Number.MIN_VALUE });
}
