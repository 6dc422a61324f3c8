/**
 * A problem with one input file. The message always names the file, so a user can find and fix it;
 * callers that process many files catch it, record it, and go on with the rest.
 */
export class DataError extends Error {
  override readonly name = 'DataError';

  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** A file that was left out of the work, and why (shown to the user, and listed in JSON output). */
export interface SkippedItem {
  readonly id: string;
  readonly reason: string;
}
