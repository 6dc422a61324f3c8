import { readStoredImages } from '../../worker/clients/stored-run-images';
import { useRunStatus } from './run-status-store';

/**
 * After the page restarted the worker under a run (a pause past its grace, a crash), the panel's
 * stored count is the last progress message's; a chunk write in flight may have landed after it. This
 * reads the run's stored images from the store and raises the count to it, so
 * the panel shows what a resume really starts from.
 */
export async function refreshStoredProgress(): Promise<void> {
  const before = useRunStatus.getState();
  const { shown, dataset } = before;
  const total = before.progress?.total ?? before.encoding?.total;
  if (shown?.kind !== 'computed' || total === undefined) return;
  const { request } = shown;
  const stored = await readStoredImages({
    datasetLabel: request.dataset.label,
    split: dataset ? dataset.split : request.split,
    modelId: request.model.id,
    grid: request.grid,
    totalImages: total,
  }).catch(() => null);
  if (!stored) return;
  useRunStatus.setState((state) => {
    // Only the same stopped run (not one resumed or replaced meanwhile), and only upwards: a progress message reported a committed write.
    if (state.shown !== shown || state.phase !== 'paused') return {};
    const shownDone = state.progress?.done ?? state.encoding?.fromCache ?? 0;
    if (stored.images <= shownDone) return {};
    const fromCache = state.progress?.fromCache ?? state.encoding?.fromCache ?? 0;
    const imagesPerSecond = state.progress?.imagesPerSecond ?? state.encoding?.imagesPerSecond ?? 0;
    return { progress: { done: stored.images, total, skipped: stored.skipped, fromCache, imagesPerSecond, etaSeconds: null } };
  });
}
