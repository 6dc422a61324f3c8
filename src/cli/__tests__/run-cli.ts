import { spawnSync } from 'node:child_process';
import { runCli } from '../main';
import type { CliOutput } from '../output';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real command as a user types it: `npm run -s cdul -- …` in a child process. */
export function runCliProcess(args: string[]): CliRun {
  const result = spawnSync('npm', ['run', '-s', 'cdul', '--', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The same entry point in-process (fast, for the many usage and bad-input cases). */
export async function runCliInProcess(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const output: CliOutput = {
    result: (text) => void (stdout += `${text}\n`),
    note: (text) => void (stderr += `${text}\n`),
  };
  const code = await runCli(args, output);
  return { code, stdout, stderr };
}

export const SEED = 'e2e/fixtures/seed-cache-sample';
export const SEED_MODEL = `${SEED}/clip_cache/model_RN50x64`;
export const VOC_MINI = 'e2e/fixtures/voc-mini';

export function evaluateArgs(overrides: Record<string, string> = {}, flags: string[] = ['--json']): string[] {
  const options: Record<string, string> = {
    voc: SEED,
    split: 'train',
    source: 'ref-cache',
    cache: SEED_MODEL,
    grid: '3',
    ...overrides,
  };
  return ['evaluate', ...Object.entries(options).flatMap(([key, value]) => [`--${key}`, value]), ...flags];
}
