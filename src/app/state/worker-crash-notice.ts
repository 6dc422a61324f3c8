/**
 * What the run panel says after the pipeline worker died on its own (an uncaught error inside
 * onnxruntime, out of memory): what happened, what is kept, and what to do.
 */
export type WorkerCrashNotice =
  /** A computed run was going: stopped, resumable from its stored chunks. */
  | {
      readonly kind: 'run-stopped';
      /** The worker's error message; null when it gave none. */
      readonly reason: string | null;
      /** Images through the model when it died (the chunk in progress included). */
      readonly encoded: number;
      /** Images in stored chunks (kept: a chunk is written whole or not at all). */
      readonly stored: number;
      readonly total: number;
    }
  /** No run was going: the worker was restarted and the run the views show reopened, or closed when it cannot be. */
  | { readonly kind: 'restarted'; readonly reason: string | null; readonly shownRun: 'reopened' | 'closed' | 'none' };

/** The worker's own words, or that it gave none. */
export const reasonText = (reason: string | null): string => reason ?? 'no message';

export function workerCrashText(notice: WorkerCrashNotice): string {
  const stopped = `The pipeline worker stopped unexpectedly (${reasonText(notice.reason)})`;
  if (notice.kind === 'restarted') {
    if (notice.shownRun === 'reopened') return `${stopped} and was restarted: the run the views show is reopened from the browser cache (nothing is encoded again).`;
    if (notice.shownRun === 'closed') return `${stopped} and was restarted: the run the views showed is closed; open it again to see it.`;
    return `${stopped} and was restarted.`;
  }
  // Died while the dataset or the model was being opened: no count to give yet.
  if (notice.total === 0) return `${stopped} before any image was encoded: Resume starts the run again (images stored before are not encoded again).`;
  const after = `${stopped} after ${Math.max(notice.encoded, notice.stored)} of ${notice.total} images: `;
  if (notice.stored === 0) return `${after}none was stored yet; Resume starts again from the first image.`;
  return `${after}the ${notice.stored} stored image${notice.stored === 1 ? ' is' : 's are'} kept; Resume continues from there.`;
}
