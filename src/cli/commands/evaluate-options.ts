import { parseArgs } from 'node:util';
import { PSEUDO_LABEL_MODES, type PseudoLabelMode } from '../../core/evaluation/pseudo-labels';
import { sweepThresholds } from '../../core/evaluation/zeta-sweep';
import { AP_CONVENTIONS, type ApConvention } from '../../core/metrics/ap-convention';
import { MAX_GRID, MIN_GRID } from '../../core/cdul/snippet-grid';
import type { DifficultPolicy } from '../../core/types';
import {
  parseChoice,
  parseIntegerOption,
  parseNumberOption,
  parseSweepOption,
  requireOption,
} from '../option-parsers';
import { UsageError } from '../usage-error';

export const EVALUATE_USAGE = `cdul evaluate --voc DIR --split S --source ref-cache --cache DIR_OF_MODEL --grid N
              --mode global|aggregate|final [--thresh ζ] [--lambda λ] [--ap step|voc07|voc10]
              [--difficult positive|ignore] [--sweep FROM:TO:STEP] [--json]
  mAP of pseudo labels against the split's ground truth. --cache is one model folder of the reference
  reproduction (…/clip_cache/model_<clip>). aggregate and final are recomputed from the cached α/β at
  any ζ (--thresh, required for them unless --sweep). --sweep evaluates every ζ from FROM to TO.
  Defaults: --lambda 0, --ap step (sklearn, as the reproduction), --difficult positive.`;

export const CACHE_SOURCES = ['ref-cache'] as const;

export interface EvaluateOptions {
  readonly vocDir: string;
  readonly split: string;
  readonly cacheDir: string;
  readonly grid: number;
  readonly mode: PseudoLabelMode;
  /** ζ for a single evaluation; null for 'global' or when sweeping. */
  readonly zeta: number | null;
  readonly lambda: number;
  readonly convention: ApConvention;
  readonly difficult: DifficultPolicy;
  readonly sweep: number[] | null;
  readonly json: boolean;
}

export function parseEvaluateOptions(argv: string[]): EvaluateOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      voc: { type: 'string' },
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
      json: { type: 'boolean', default: false },
    },
  });
  parseChoice(requireOption(values.source, 'source'), 'source', CACHE_SOURCES);
  const mode = parseChoice(requireOption(values.mode, 'mode'), 'mode', PSEUDO_LABEL_MODES);
  const sweep = values.sweep === undefined ? null : parseSweep(values.sweep, mode);
  return {
    vocDir: requireOption(values.voc, 'voc'),
    split: requireOption(values.split, 'split'),
    cacheDir: requireOption(values.cache, 'cache'),
    grid: parseIntegerOption(requireOption(values.grid, 'grid'), 'grid', { min: MIN_GRID, max: MAX_GRID }),
    mode,
    zeta: parseZeta(values.thresh, mode, sweep !== null),
    lambda: parseNumberOption(values.lambda, 'lambda', { min: 0, max: 1 }),
    convention: parseChoice(values.ap, 'ap', AP_CONVENTIONS),
    difficult: parseChoice<DifficultPolicy>(values.difficult, 'difficult', ['positive', 'ignore']),
    sweep,
    json: values.json,
  };
}

function parseZeta(value: string | undefined, mode: PseudoLabelMode, sweeping: boolean): number | null {
  if (mode === 'global' && value !== undefined) throw new UsageError('--thresh has no effect with --mode global');
  if (sweeping && value !== undefined) throw new UsageError('give either --thresh or --sweep, not both');
  if (mode === 'global' || sweeping) return null;
  return parseNumberOption(requireOption(value, 'thresh'), 'thresh', { min: 0, max: 1 });
}

function parseSweep(value: string, mode: PseudoLabelMode): number[] {
  if (mode === 'global') throw new UsageError('--sweep needs --mode aggregate or final (global does not depend on ζ)');
  const { from, to, step } = parseSweepOption(value);
  return sweepThresholds(from, to, step);
}
