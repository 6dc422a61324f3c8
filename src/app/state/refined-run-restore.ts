import { useLabStore } from './lab-store';
import { useRunStatus } from './run-status-store';
import type { TrainingController } from './training-controller';
import { useTrainingStore } from './training-store';

/**
 * Keeps the URL's `trained` (the view's `refinedRun`) and the refined labels the gallery shows in step:
 * showing a training run's labels writes its id; on load, the run the URL names is shown again as soon
 * as the training runs are read and the run of images it was trained on is open — so `labels=refined`
 * survives a reload. Tried once per run of images: a run that cannot be shown leaves the gallery on final.
 */
export function installRefinedRunRestore(controller: TrainingController): void {
  useTrainingStore.subscribe((state, previous) => {
    const runId = state.refined?.runId ?? null;
    if (runId !== null && runId !== previous.refined?.runId && useLabStore.getState().view.refinedRun !== runId) {
      useLabStore.setState((lab) => ({ view: { ...lab.view, refinedRun: runId } }));
    }
  });
  const tried = new Set<string>();
  const restore = () => {
    const wanted = useLabStore.getState().view.refinedRun;
    const { runs, loaded, refined } = useTrainingStore.getState();
    const { phase, runKey } = useRunStatus.getState();
    if (wanted === null || !loaded || phase !== 'complete' || runKey === null || refined?.runId === wanted) return;
    const run = runs.find((entry) => entry.meta.id === wanted);
    if (!run || run.meta.embeddingRunKey !== runKey || tried.has(`${wanted}|${runKey}`)) return;
    tried.add(`${wanted}|${runKey}`);
    controller.showRefined(wanted).catch(() => undefined);
  };
  useLabStore.subscribe(restore);
  useTrainingStore.subscribe(restore);
  useRunStatus.subscribe(restore);
  restore();
}
