/**
 * Runs seeded fuzz cases against a reader (test-only). Each case damages one input with `mutate`
 * (case k uses seed `seed + k`, so it reproduces alone) and must end in a result or a DataError naming
 * that input's file; anything else — another exception type, a DataError naming some other file, or a
 * case running longer than `maxCaseMs` (a hang) — is a failure, reported with the case's seed and steps.
 */
import { DataError } from '../../../data-error';
import { seededRandom } from '../../../seeded-random';
import { mutate, type Random } from './mutate';

export interface FuzzInput {
  /** The file name the reader must name in a DataError (matched as a suffix of DataError.file). */
  readonly file: string;
  readonly bytes: Uint8Array;
  /** UTF-8 text (JSON, XML): textual swaps and replacements too. */
  readonly text?: boolean;
}

export interface FuzzOptions {
  readonly seed: number;
  readonly cases: number;
  readonly inputs: readonly FuzzInput[];
  /** Reads the damaged bytes as `input.file`; `random` is the case's own source, for any further choice. */
  readonly read: (bytes: Uint8Array, input: FuzzInput, random: Random) => unknown;
  /** A generous bound: the readers take milliseconds; a case over this counts as a hang. */
  readonly maxCaseMs?: number;
  /**
   * Whether a DataError names the damaged input; default: its `file` ends with the input's name. A
   * manifest that now disagrees with an array is reported on the array "… from manifest.json".
   */
  readonly names?: (error: DataError, input: FuzzInput) => boolean;
  /** Optional damage other than `mutate` (e.g. inside a zip entry); defaults to mutate(). */
  readonly damage?: (input: FuzzInput, random: Random) => { bytes: Uint8Array; steps: readonly string[] };
}

export interface FuzzTally {
  readonly cases: number;
  readonly results: number;
  readonly dataErrors: number;
  /** One line per failing case: seed, input, mutation steps and what went wrong. */
  readonly failures: string[];
  readonly ms: number;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzTally> {
  const { seed, cases, inputs, read, maxCaseMs = 2000 } = options;
  const damage = options.damage ?? ((input, random) => mutate(input.bytes, random, input.text));
  const names = options.names ?? ((error, input) => error.file.endsWith(input.file));
  let results = 0;
  let dataErrors = 0;
  const failures: string[] = [];
  const started = performance.now();
  for (let k = 0; k < cases; k++) {
    const random = seededRandom(seed + k);
    const input = inputs[Math.floor(random() * inputs.length)]!;
    const { bytes, steps } = damage(input, random);
    const where = `seed ${seed + k}, ${input.file}, ${steps.join('; ')}`;
    const t0 = performance.now();
    try {
      await read(bytes, input, random);
      results++;
    } catch (error) {
      if (error instanceof DataError && names(error, input)) dataErrors++;
      else failures.push(`${where}: ${describe(error)}`);
    }
    const ms = performance.now() - t0;
    if (ms > maxCaseMs) failures.push(`${where}: took ${Math.round(ms)} ms (over ${maxCaseMs} ms: a hang)`);
  }
  return { cases, results, dataErrors, failures, ms: Math.round(performance.now() - started) };
}

function describe(error: unknown): string {
  if (error instanceof DataError) return `DataError naming ${error.file}, not the damaged file: ${error.problem}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `thrown non-Error ${String(error)}`;
}

/** The one line each fuzz test prints, for the record (cases, outcomes, time). */
export function tallyLine(name: string, tally: FuzzTally): string {
  return `fuzz ${name}: ${tally.cases} cases, ${tally.results} results, ${tally.dataErrors} DataErrors, ${tally.failures.length} failures, ${tally.ms} ms`;
}
