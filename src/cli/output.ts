/** Where the CLI writes: results on stdout (so `npm run -s cdul … > file` holds only them), notes on stderr. */
export interface CliOutput {
  result(text: string): void;
  note(text: string): void;
}

export const processOutput: CliOutput = {
  result: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  note: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export function printJson(output: CliOutput, value: unknown): void {
  output.result(JSON.stringify(value, null, 2));
}

export function printWarnings(output: CliOutput, warnings: readonly string[]): void {
  for (const warning of warnings) output.note(`warning: ${warning}`);
}
