import { UsageError } from './usage-error';

/** Small validators for option values: each names the option and what it expected. */

export function requireOption(value: string | undefined, option: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing --${option}`);
  return value;
}

export function parseNumberOption(value: string, option: string, range?: { min?: number; max?: number }): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number)) {
    throw new UsageError(`--${option} expects a number, got '${value}'`);
  }
  if ((range?.min !== undefined && number < range.min) || (range?.max !== undefined && number > range.max)) {
    throw new UsageError(`--${option} must be between ${range?.min ?? '-∞'} and ${range?.max ?? '∞'}, got ${value}`);
  }
  return number;
}

export function parseIntegerOption(value: string, option: string, range: { min: number; max: number }): number {
  const number = parseNumberOption(value, option, range);
  if (!Number.isInteger(number)) throw new UsageError(`--${option} expects a whole number, got '${value}'`);
  return number;
}

export function parseChoice<T extends string>(value: string, option: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${option} must be one of ${choices.join(', ')}; got '${value}'`);
  }
  return value as T;
}

/** FROM:TO:STEP, inclusive of TO, e.g. 0:0.4:0.01 → 41 thresholds. */
export function parseSweepOption(value: string): { from: number; to: number; step: number } {
  const parts = value.split(':');
  if (parts.length !== 3) throw new UsageError(`--sweep expects FROM:TO:STEP (e.g. 0:0.4:0.01), got '${value}'`);
  const [from, to, step] = parts.map((part) => parseNumberOption(part, 'sweep')) as [number, number, number];
  if (!(step > 0) || to < from) {
    throw new UsageError(`--sweep needs STEP > 0 and TO ≥ FROM, got '${value}'`);
  }
  if ((to - from) / step > 10_000) throw new UsageError(`--sweep '${value}' has more than 10,000 points`);
  return { from, to, step };
}
