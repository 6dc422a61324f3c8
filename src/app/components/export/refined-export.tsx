import { useState } from 'react';
import type { ExportContext } from '../../../core/export/pseudo-label-export';
import type { ExportedRun } from '../../../core/export/export-file-name';
import { refinedFileStem, refinedLabelsCsv, refinedLabelsJson } from '../../../core/export/refined-label-export';
import { download } from '../../lib/download';
import { useLabStore } from '../../state/lab-store';
import { useRefinedLabels } from '../../state/refined-labels';
import { useRunStatus } from '../../state/run-status-store';
import { useTrainingStore } from '../../state/training-store';
import { useLabQuery } from '../../state/use-lab-query';

type RefinedKind = 'csv' | 'json';

/**
 * Downloads of a training run's refined pseudo labels (Y0, refined, and truth when the dataset has one, per image and class), shown
 * only while the labels the training view chose belong to the open run (same run key, images × classes).
 * The image ids and ground truth come from the run's 'scores' answer at the workspace setting (the
 * gallery's, so usually cached); they do not depend on the setting.
 */
export function RefinedExport({ context, run }: { context(): ExportContext; run: ExportedRun }) {
  const chosen = useTrainingStore((state) => state.refined);
  const runKey = useRunStatus((state) => state.runKey);
  const settings = useLabStore((state) => state.settings);
  const complete = useRunStatus((state) => state.phase === 'complete');
  const forThisRun = chosen !== null && runKey !== null && chosen.embeddingRunKey === runKey;
  const query = useLabQuery(complete && forThisRun ? { kind: 'scores', settings } : null);
  const scores = query.data ?? null;
  const refined = useRefinedLabels(scores ? { images: scores.ids.length, classes: scores.classes.length } : null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!refined || !scores) return null;

  const save = (kind: RefinedKind) => {
    setError(null);
    setDone(null);
    try {
      const table = { ids: scores.ids, classes: scores.classes, initial: refined.initial, refined: refined.refined, truth: scores.truth };
      const stem = refinedFileStem(run, { name: refined.runName, epoch: refined.epoch });
      const name = `${stem}.${kind}`;
      if (kind === 'csv') download(name, refinedLabelsCsv(table), 'text/csv');
      else download(name, refinedLabelsJson(table, { id: refined.runId, name: refined.runName, epoch: refined.epoch }, context()), 'application/json');
      setDone(name);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <div className="refined-export">
      <div className="export-buttons" role="group" aria-label="Refined label downloads">
        <button type="button" onClick={() => save('csv')}>
          Refined labels CSV
        </button>
        <button type="button" onClick={() => save('json')}>
          Refined labels JSON
        </button>
      </div>
      <p className="muted export-note">
        Refined pseudo labels of training run {refined.runName} after epoch {refined.epoch}: per image and class Y0 (the labels training started from), the
        refined label and {scores.truth ? 'the ground truth' : 'no ground truth (this dataset has none)'}.
      </p>
      <p role="status" aria-label="Refined export status" className="muted">
        {done && `Saved ${done}`}
      </p>
      {error && (
        <p role="alert" className="banner error">
          The refined labels could not be exported: {error}
        </p>
      )}
    </div>
  );
}
