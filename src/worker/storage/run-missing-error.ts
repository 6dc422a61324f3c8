/**
 * A chunk written to a run whose records are gone: the database was deleted or cleared while the run
 * went on (another tab, the browser's "clear site data", eviction). The writer opens the run again and
 * stores the chunk; the chunks stored before are gone and are encoded again (encode-chunks.ts).
 */
export class RunMissingError extends Error {
  override readonly name = 'RunMissingError';
  constructor(readonly runKey: string) {
    super(`no run ${runKey} in the browser's storage (it was cleared, or openRun was not called)`);
  }
}
