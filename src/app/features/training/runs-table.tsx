import { useState } from 'react';
import { sortRuns, summariseRun, sweepRunValue, type SortDirection, type SweepRunSummary, type SweepSortKey } from '../../../core/training/sweep';
import type { TrainingRunRecord } from '../../../worker/protocol/training-protocol';
import { useLabServices } from '../../state/lab-services';
import { useLabStore } from '../../state/lab-store';
import type { TrainingController } from '../../state/training-controller';
import { useTrainingElsewhere } from '../../state/training-ownership';
import { useTrainingStore } from '../../state/training-store';
import { useFinishedRun } from '../../state/use-lab-query';
import { exportHeadOnnx } from './export-head';

const COLUMNS: readonly { key: SweepSortKey; label: string; digits: number }[] = [
  { key: 'id', label: 'Run', digits: 0 },
  { key: 'learningRate', label: 'lr', digits: -1 },
  { key: 'updateEvery', label: 'k', digits: 0 },
  { key: 'sigma', label: 'σ', digits: -1 },
  { key: 'eta', label: 'η', digits: -1 },
  { key: 'hidden', label: 'hidden', digits: 0 },
  { key: 'epochs', label: 'epochs', digits: 0 },
  { key: 'finalLoss', label: 'final loss', digits: 5 },
  { key: 'initialPseudoLabelMap', label: 'Y0 mAP', digits: 2 },
  { key: 'bestPseudoLabelMap', label: 'best pseudo-label mAP', digits: 2 },
  { key: 'finalPseudoLabelMap', label: 'final pseudo-label mAP', digits: 2 },
  { key: 'bestValMap', label: 'best val mAP', digits: 2 },
  { key: 'bestEpoch', label: 'best val epoch', digits: 0 },
  { key: 'keptEpoch', label: 'kept epoch', digits: 0 },
  { key: 'keptValMap', label: 'val mAP, kept epoch', digits: 2 },
];

/** Columns that need ground truth (train labels or a val set): left out while no listed run has a value in them. */
const SCORED: ReadonlySet<SweepSortKey> = new Set(['initialPseudoLabelMap', 'bestPseudoLabelMap', 'finalPseudoLabelMap', 'bestValMap', 'bestEpoch', 'keptValMap']);

/** Every stored run (sweeps included) as a sortable table; a row's actions open, resume, export or delete it. */
export function RunsTable() {
  const { training: controller } = useLabServices();
  const { runs, shown, toggleShown, focus, activeRunId, refined } = useTrainingStore();
  const [sort, setSort] = useState<{ key: SweepSortKey; direction: SortDirection }>({ key: 'id', direction: 'asc' });
  const [error, setError] = useState<string | null>(null);
  if (runs.length === 0) return null;
  const byName = new Map(runs.map((run) => [run.meta.name, run]));
  const rows = sortRuns(
    runs.map((run) => summariseRun(run.meta.name, run.meta.settings, run.figures, run.initialPseudoLabelMap)),
    sort.key,
    sort.direction,
  );
  const columns = COLUMNS.filter((column) => !SCORED.has(column.key) || rows.some((row) => sweepRunValue(row, column.key as Exclude<SweepSortKey, 'id'>) !== null));
  const act = (work: () => Promise<void>) => {
    setError(null);
    work().catch((caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  };
  const sortBy = (key: SweepSortKey) =>
    setSort((current) => ({ key, direction: current.key === key && current.direction === 'desc' ? 'asc' : key === 'id' ? 'asc' : 'desc' }));
  return (
    <section className="panel" aria-label="Training runs">
      <h2>Runs</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {!columns.some((column) => column.key === 'initialPseudoLabelMap') && <p className="hint">No run here was trained with ground truth: no mAP columns (see each run’s mean |Δy| for how far its labels moved).</p>}
      <div className="table-scroll">
        <table className="runs-table">
          <thead>
            <tr>
              <th scope="col">show</th>
              {columns.map((column) => (
                <th key={column.key} scope="col" aria-sort={sort.key === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="link" onClick={() => sortBy(column.key)}>
                    {column.label}
                  </button>
                </th>
              ))}
              <th scope="col">status</th>
              <th scope="col" className="actions">actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const run = byName.get(row.id)!;
              return (
                <tr key={run.meta.id} aria-current={refined?.runId === run.meta.id ? 'true' : undefined}>
                  <td>
                    <input type="checkbox" aria-label={`show ${row.id} in the charts`} checked={shown.includes(run.meta.id)} onChange={() => toggleShown(run.meta.id)} />
                  </td>
                  {columns.map((column) => (
                    <td key={column.key} className={column.key === 'id' ? undefined : 'number'}>
                      {column.key === 'id' ? `${row.id} (${run.meta.settings.head})` : format(sweepRunValue(row, column.key as Exclude<SweepSortKey, 'id'>), column.digits)}
                    </td>
                  ))}
                  <td>
                    <RunStatus run={run} />
                  </td>
                  <td className="actions">
                    <RunActions run={run} row={row} controller={controller} busy={activeRunId !== null} act={act} focus={focus} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function RunActions({ run, row, controller, busy, act, focus }: {
  run: TrainingRunRecord;
  row: SweepRunSummary;
  controller: TrainingController;
  busy: boolean;
  act: (work: () => Promise<void>) => void;
  focus: (id: string) => void;
}) {
  const backend = useLabStore((state) => state.trainingForm.backend);
  const { runKey } = useFinishedRun();
  const show = useLabStore((state) => state.showView);
  const name = row.id;
  const trained = run.figures.length > 0;
  const sameImages = runKey === run.meta.embeddingRunKey;
  return (
    <>
      <button type="button" onClick={() => focus(run.meta.id)} aria-label={`Curves of ${name}`}>
        Curves
      </button>
      {(run.status === 'stopped' || run.status === 'failed') && (
        <button
          type="button"
          disabled={busy || !sameImages}
          title={sameImages ? undefined : 'its images’ run is not open: open that dataset, model and grid in the workspace (a reload reopens it by itself)'}
          onClick={() => act(() => controller.resume(run.meta.id, backend))}
          aria-label={`Resume ${name}`}
        >
          Resume
        </button>
      )}
      <button
        type="button"
        disabled={!trained || !sameImages}
        title={sameImages ? undefined : 'trained on another run of images: open it in the workspace first'}
        onClick={() => act(async () => {
          await controller.showRefined(run.meta.id);
          useLabStore.getState().setGallery({ mode: 'refined' });
          show('gallery');
        })}
        aria-label={`Refined labels of ${name} in the gallery`}
      >
        Refined labels
      </button>
      <button type="button" disabled={!trained} onClick={() => act(() => exportHeadOnnx(controller, run))} aria-label={`ONNX: export the head of ${name}`}>
        ONNX
      </button>
      <button type="button" disabled={run.status === 'running'} onClick={() => act(() => controller.remove(run.meta.id))} aria-label={`Delete ${name}`}>
        Delete
      </button>
    </>
  );
}

function RunStatus({ run }: { run: TrainingRunRecord }) {
  const elsewhere = useTrainingElsewhere((state) => state.runIds.includes(run.meta.id));
  const label = `${run.status}${elsewhere ? ' in another tab' : ''}${run.backend.used === 'webgpu' ? ' · WebGPU' : ' · CPU'}`;
  const note = [run.backend.adapter, run.backend.note, run.error].filter(Boolean).join(' — ');
  // The full note (adapter, fallback reason, error) is in the run's detail; here on hover.
  return <span title={note || undefined}>{label}</span>;
}

function format(value: number | null, digits: number): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (digits < 0) return String(value);
  return value.toFixed(digits);
}
