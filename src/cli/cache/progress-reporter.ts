import { processOutput, type CliOutput } from '../output';

/**
 * Progress of a long run on stderr: done/total, images/s and ETA. On a terminal one line is rewritten
 * in place; otherwise (CI logs, files, tests) a line is printed at most every `intervalMs`.
 */
export interface ProgressReporter {
  update(done: number, skipped: number): void;
  finish(message: string): void;
}

export function createProgressReporter(
  label: string,
  total: number,
  alreadyDone: number,
  output: CliOutput,
  intervalMs = 2000,
): ProgressReporter {
  const started = performance.now();
  let lastPrinted = -Infinity; // the first update prints at once
  const interactive = output === processOutput && Boolean(process.stderr.isTTY);
  const rewrite = (text: string) => process.stderr.write(text);
  const line = (done: number, skipped: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = (done - alreadyDone) / Math.max(seconds, 1e-9);
    const eta = rate > 0 ? formatDuration((total - done) / rate) : '?';
    const percent = total ? ((100 * done) / total).toFixed(1) : '100';
    return `${label}: ${done}/${total} images (${percent}%) · ${rate.toFixed(2)} images/s · ETA ${eta}` +
      (skipped ? ` · ${skipped} skipped` : '');
  };
  return {
    update(done, skipped) {
      const now = performance.now();
      if (interactive) rewrite(`\r${line(done, skipped)}\x1b[K`);
      else if (now - lastPrinted >= intervalMs || done === total) {
        output.note(line(done, skipped));
        lastPrinted = now;
      }
    },
    finish(message) {
      if (interactive) rewrite('\r\x1b[K');
      output.note(message);
    },
  };
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
