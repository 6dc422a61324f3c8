import { useLabStore } from '../../state/lab-store';
import { DEMO_DATASET, TRAINING_DEMO_DATASET } from '../../state/selection';
import { useRunStatus } from '../../state/run-status-store';
import { useSplitRunFlow } from '../../state/split-run-flow';
import { useTrainingStore } from '../../state/training-store';
import { RunDetail } from './run-detail';
import { RunsTable } from './runs-table';
import { SweepForm } from './sweep-form';
import { TrainingCharts } from './training-charts';
import { TrainingForm } from './training-form';
import { SplitRunProgress } from './val-split-offer';
import './training.css';

/** Issue 6's view: train heads with gradient alignment, watch and overlay their curves, sweep settings. */
export function TrainingView() {
  const complete = useRunStatus((state) => state.phase === 'complete');
  const fixedScale = useRunStatus((state) => state.fixedScale);
  const show = useLabStore((state) => state.showView);
  const { runs, shown, focusedRunId, error, loaded } = useTrainingStore();
  const shownRuns = runs.filter((run) => shown.includes(run.meta.id));
  const focused = runs.find((run) => run.meta.id === focusedRunId) ?? null;
  const dataset = useLabStore((state) => state.selection.dataset);
  const select = useLabStore((state) => state.select);
  // While another split is computed for a val set, its progress stands where the form was.
  const splitRun = useSplitRunFlow((state) => state.step);
  // Its train split, at the lab's default grid: compute it in the workspace, then train here.
  const openTrainingDemo = () => {
    select({ dataset: TRAINING_DEMO_DATASET, split: 'train', limit: null });
    show('workspace');
  };
  return (
    <div className="training-view">
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      {dataset !== TRAINING_DEMO_DATASET && (dataset === DEMO_DATASET || !complete) && (
        <p className="notice" role="note" aria-label="Training demo">
          {dataset === DEMO_DATASET ? 'On the demo dataset the 3×3 pseudo labels are already perfect, so training can only draw flat lines. ' : ''}
          The example where training matters is the built-in training demo: small, overlapping, partly hidden objects in drifting colours leave Y0 well short
          of its ground truth at every grid.{' '}
          <button type="button" onClick={openTrainingDemo}>
            Open the training demo
          </button>
        </p>
      )}
      <SplitRunProgress />
      <div className="training-forms">
        {splitRun !== null ? null : complete && fixedScale === null ? (
          <>
            <TrainingForm />
            <SweepForm />
          </>
        ) : (
          <section className="panel empty-state" aria-label="Train a classifier: no embeddings yet">
            <h2>Train a classifier</h2>
            <p>
              {complete
                ? 'A reference cache holds scores, not image embeddings: a head needs a run computed in this browser.'
                : 'Training starts from a finished run’s image embeddings and pseudo labels.'}{' '}
              <button type="button" className="link" onClick={() => show('workspace')}>
                Go to the workspace
              </button>
            </p>

          </section>
        )}
      </div>
      <section className="panel" aria-label="Training curves">
        <h2>Curves</h2>
        {loaded ? <TrainingCharts runs={shownRuns} /> : <p>Reading the stored runs…</p>}
      </section>
      {focused && <RunDetail run={focused} />}
      <RunsTable />
    </div>
  );
}
