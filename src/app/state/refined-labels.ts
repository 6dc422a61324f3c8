import { refinedScoresFit } from '../../core/lab/gallery';
import { useRunStatus } from './run-status-store';
import { useTrainingStore, type RefinedLabels } from './training-store';

/**
 * The training run's refined labels the page shows, if they belong to the open pipeline run: same run
 * key and images × classes values (`shape`, from the run's 'scores' answer). Otherwise null: labels of
 * another run are never shown or exported.
 */
export function useRefinedLabels(shape: { readonly images: number; readonly classes: number } | null): RefinedLabels | null {
  const refined = useTrainingStore((state) => state.refined);
  const runKey = useRunStatus((state) => state.runKey);
  return validRefinedLabels(refined, runKey, shape);
}

export function validRefinedLabels(
  refined: RefinedLabels | null,
  runKey: string | null,
  shape: { readonly images: number; readonly classes: number } | null,
): RefinedLabels | null {
  if (!refined || !shape || runKey === null || refined.embeddingRunKey !== runKey) return null;
  return refinedScoresFit(refined, shape.images, shape.classes) ? refined : null;
}

/** How the gallery, the inspector and the export name the labels. */
export type RefinedNames = ReturnType<typeof refinedNames>;

export const refinedNames = (refined: Pick<RefinedLabels, 'runName' | 'epoch'>) => ({
  initialOption: `initial (Y0 of run ${refined.runName})`,
  refinedOption: `refined (run ${refined.runName}, epoch ${refined.epoch})`,
  initialColumn: 'Y0 (training start)',
  refinedColumn: `refined (run ${refined.runName})`,
});
