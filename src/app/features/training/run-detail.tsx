import { trainingFiguresCsv, trainingFiguresJson, trainingFileStem } from '../../../core/export/training-figures-export';
import type { TrainingRunRecord } from '../../../worker/protocol/training-protocol';
import { download } from '../../lib/download';
import { trainingImagesRun } from '../../state/exported-run';
import { formatEta } from '../../lib/format';
import { TrainingElsewhereNote } from './training-elsewhere-note';
import { keptEpoch, trainedSplit, trainedWithoutTruth, trainingEta } from './training-curves';

/** One run: where it stands (epoch, time per epoch, ETA, backend) and its figures per epoch. */
export function RunDetail({ run }: { run: TrainingRunRecord }) {
  const { msPerEpoch, remainingMs } = trainingEta(run);
  const total = run.meta.settings.epochs;
  const backend = run.backend.used === 'webgpu' ? `WebGPU (${run.backend.adapter ?? 'adapter unknown'})` : 'CPU';
  // Without ground truth the mAP columns would be dashes only: they give way to a sentence.
  const scored = !trainedWithoutTruth(run);
  const heldOut = run.figures.some((figure) => (figure.heldOutLoss ?? null) !== null);
  const kept = keptEpoch(run);
  const split = trainedSplit(run);
  return (
    <section className="panel" aria-label={`Run ${run.meta.name}`}>
      <h2>
        Run {run.meta.name}: {run.status}
      </h2>
      <TrainingElsewhereNote runId={run.meta.id} />
      <p role="status" aria-label="training progress">
        Epoch {run.figures.length} of {total} · {backend}
        {msPerEpoch !== null && ` · ${msPerEpoch.toFixed(0)} ms per epoch`}
        {run.status === 'running' && remainingMs !== null && ` · about ${formatEta(remainingMs / 1000)} left`}
      </p>
      <progress max={total} value={run.figures.length} aria-label={`epochs of ${run.meta.name}`} />
      {run.backend.note && (
        <p className="notice" role="note" aria-label="Backend">
          {run.backend.note}
        </p>
      )}
      {run.error && (
        <p className={run.status === 'failed' ? 'error' : 'notice'} role={run.status === 'failed' ? 'alert' : 'note'} aria-label={run.status === 'failed' ? 'Run failed' : 'Run note'}>
          {run.error}
        </p>
      )}
      <p className="hint">
        Trained on {split === null ? `${run.meta.images} images` : `${run.meta.images} images of split ${split}`} ({run.meta.dim}-d), Y0 = final pseudo labels at ζ {run.meta.labelSettings.zeta}, λ {run.meta.labelSettings.lambda}
        {run.meta.labelSettings.scale === null ? '' : `, scale ${run.meta.labelSettings.scale}`}; val: {run.meta.valSplit ?? 'none'}.
      </p>
      {!scored && (
        <p className="notice" role="note" aria-label={`No ground truth for ${run.meta.name}`}>
          No ground truth: no mAP. The pseudo labels and the classifier cannot be scored on these images; mean |Δy| says how much each label update moved the labels.
        </p>
      )}
      {kept !== null && (
        <p className="hint" aria-label={`Kept epoch of ${run.meta.name}`}>
          {heldOut
            ? `Kept: epoch ${kept}, the lowest KL against Y0 on the ${Math.round(run.meta.settings.heldOut * 100)} % held-out train images (chosen without ground truth). The head export and the refined labels are that epoch’s.`
            : `Kept: epoch ${kept}, the last (no held-out share).`}
        </p>
      )}
      <div className="button-row" role="group" aria-label={`downloads of ${run.meta.name}`}>
        <button type="button" onClick={() => saveFigures(run, 'csv')}>
          Figures CSV
        </button>
        <button type="button" onClick={() => saveFigures(run, 'json')}>
          Figures JSON
        </button>
      </div>
      <div className="table-scroll">
        <table className="epoch-table" aria-label={`figures per epoch of ${run.meta.name}`}>
          <thead>
            <tr>
              <th scope="col">epoch</th>
              <th scope="col">loss</th>
              <th scope="col">label update</th>
              <th scope="col">mean |Δy|</th>
              {scored && <th scope="col">pseudo-label mAP</th>}
              {scored && <th scope="col">val mAP</th>}
              {heldOut && <th scope="col">held-out KL</th>}
              {heldOut && <th scope="col">held-out mAP (Y0 ≥ 0.5)</th>}
              {heldOut && <th scope="col">kept</th>}
              <th scope="col">ms</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="number">0</td>
              <td className="number">—</td>
              <td>Y0</td>
              <td className="number">—</td>
              {scored && <td className="number">{run.initialPseudoLabelMap?.toFixed(2) ?? '—'}</td>}
              {scored && <td className="number">—</td>}
              {heldOut && <td className="number">—</td>}
              {heldOut && <td className="number">—</td>}
              {heldOut && <td />}
              <td className="number">—</td>
            </tr>
            {run.figures.map((figure, i) => (
              <tr key={figure.epoch} className={figure.epoch === kept ? 'kept-epoch' : undefined}>
                <td className="number">{figure.epoch}</td>
                <td className="number">{figure.loss.toFixed(6)}</td>
                <td>{figure.labelUpdate ? 'yes' : 'no'}</td>
                <td className="number">{figure.labelChange.toFixed(4)}</td>
                {scored && <td className="number">{figure.pseudoLabelMap?.toFixed(2) ?? '—'}</td>}
                {scored && <td className="number">{figure.valMap?.toFixed(2) ?? '—'}</td>}
                {heldOut && <td className="number">{figure.heldOutLoss?.toFixed(5) ?? '—'}</td>}
                {heldOut && <td className="number">{figure.heldOutMap?.toFixed(2) ?? '—'}</td>}
                {heldOut && <td>{figure.epoch === kept ? 'kept' : ''}</td>}
                <td className="number">{run.epochMs[i]?.toFixed(0) ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function saveFigures(run: TrainingRunRecord, format: 'csv' | 'json'): void {
  const input = {
    name: run.meta.name,
    settings: run.meta.settings,
    initialPseudoLabelMap: run.initialPseudoLabelMap,
    figures: run.figures,
    epochMs: run.epochMs,
    keptEpoch: keptEpoch(run),
    backend: run.backend.used === 'webgpu' ? `WebGPU (${run.backend.adapter ?? 'adapter unknown'})` : 'CPU',
  };
  const stem = trainingFileStem(trainingImagesRun(run.meta), run.meta.name, run.meta.settings.head);
  if (format === 'csv') download(`${stem}.csv`, trainingFiguresCsv(input), 'text/csv');
  else download(`${stem}.json`, trainingFiguresJson(input), 'application/json');
}
