#!/usr/bin/env node
import { DataError } from '../core/data-error';
import { cacheCommand } from './commands/cache-command';
import { CACHE_USAGE } from './commands/cache-options';
import { DATASET_USAGE, datasetCommand } from './commands/dataset-command';
import { evaluateCommand } from './commands/evaluate-command';
import { EVALUATE_USAGE } from './commands/evaluate-options';
import { MERGE_USAGE, mergeCommand } from './commands/merge-command';
import { trainCommand } from './commands/train-command';
import { TRAIN_USAGE } from './commands/train-options';
import { processOutput, type CliOutput } from './output';
import { UsageError } from './usage-error';

const USAGE = `CDUL Lab command line (npm run cdul -- <command> …; npm run -s prints only the result)

${DATASET_USAGE}

${EVALUATE_USAGE}

${CACHE_USAGE}

${MERGE_USAGE}

${TRAIN_USAGE}

Exit codes: 0 success, 1 a data error (the message names the file), 2 bad usage.`;

type Command = (argv: string[], output: CliOutput) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  dataset: datasetCommand,
  evaluate: evaluateCommand,
  cache: cacheCommand,
  merge: mergeCommand,
  train: trainCommand,
};

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: string[], output: CliOutput = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    output.result(USAGE);
    return 0;
  }
  if (name === undefined) {
    output.note(USAGE); // usage asked for by mistake is not a result: stderr, exit 2
    return 2;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')})`);
    return await command(rest, output);
  } catch (error) {
    return reportError(error, output);
  }
}

function reportError(error: unknown, output: CliOutput): number {
  if (error instanceof UsageError || isParseArgsError(error)) {
    output.note(`cdul: ${(error as Error).message}\nRun 'npm run cdul -- help' for usage.`);
    return 2;
  }
  if (error instanceof DataError) {
    output.note(`cdul: ${error.message}`);
    return 1;
  }
  output.note(`cdul: ${error instanceof Error ? (process.env.CDUL_DEBUG ? error.stack : error.message) : String(error)}`);
  return 1;
}

/** node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for unknown or malformed options. */
function isParseArgsError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
