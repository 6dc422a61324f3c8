/** Pause, resume and cancel for a long run: checked between chunks, so a chunk is never half-stored. */
export interface RunControl {
  readonly cancelled: boolean;
  pause(): void;
  resume(): void;
  cancel(): void;
  /** Resolves at once when running; waits while paused; resolves (and reports) when cancelled. */
  checkpoint(onPaused: () => void): Promise<'go' | 'cancel'>;
}

export function createRunControl(): RunControl {
  let paused = false;
  let cancelled = false;
  let wake: (() => void) | null = null;
  const release = () => {
    wake?.();
    wake = null;
  };
  return {
    get cancelled() {
      return cancelled;
    },
    pause: () => void (paused = true),
    resume() {
      paused = false;
      release();
    },
    cancel() {
      cancelled = true;
      release();
    },
    async checkpoint(onPaused) {
      if (paused && !cancelled) {
        onPaused();
        await new Promise<void>((resolve) => (wake = resolve));
      }
      return cancelled ? 'cancel' : 'go';
    },
  };
}
