import { CartesianGrid, Line, LineChart, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LegendEntry } from '../../../core/export/chart-svg';
import { exportFileStem, trainingRunPart } from '../../../core/export/export-file-name';
import type { TrainingRunRecord } from '../../../worker/protocol/training-protocol';
import { curveLabel, labelledDots } from '../../components/chart-a11y';
import { ChartFrame } from '../../components/chart-frame';
import { trainingImagesRun } from '../../state/exported-run';
import { curveRows, hasCurve, keptEpoch, runColor, truthOfRuns, type CurveMetric } from './training-curves';

interface ChartSpec {
  readonly metric: CurveMetric;
  readonly title: string;
  readonly unit: string;
}

const LOSS: ChartSpec = { metric: 'loss', title: 'Training loss (mean binary KL, θ-steps)', unit: 'loss' };
const VAL_MAP: ChartSpec = { metric: 'valMap', title: 'Val mAP of the classifier (step AP, difficult positive)', unit: 'mAP %' };
const HELD_OUT: ChartSpec = { metric: 'heldOutLoss', title: 'Held-out KL against Y0 (no ground truth; ringed: the epoch each run keeps)', unit: 'KL' };
const LABEL_CHANGE: ChartSpec = { metric: 'labelChange', title: 'How much the labels moved (mean |Δy| per label, at each update)', unit: 'mean |Δy|' };

/**
 * The curves per epoch, every shown run overlaid (one colour per run, same in all charts). Without
 * ground truth there is no mAP to draw: the labels' movement stands in for the pseudo-label mAP, and a
 * note says why there is no mAP chart (never an empty one).
 */
export function TrainingCharts({ runs }: { runs: readonly TrainingRunRecord[] }) {
  if (runs.length === 0) return <p className="hint">Train a run, or tick “show” in the table, to see its curves.</p>;
  const legend: LegendEntry[] = runs.map((run, i) => ({ label: runLabel(run), color: runColor(i), dashed: !updatesLabels(run) }));
  const truth = hasCurve(runs, 'pseudoLabelMap');
  const val = hasCurve(runs, 'valMap');
  const heldOut = hasCurve(runs, 'heldOutLoss');
  // Scored against the ground truth of the images trained on: named, since that can be the val split itself.
  const pseudoMap: ChartSpec = { metric: 'pseudoLabelMap', title: `Pseudo-label mAP against ${truthOfRuns(runs)} ground truth (step AP, difficult positive)`, unit: 'mAP %' };
  const charts = [LOSS, truth ? pseudoMap : LABEL_CHANGE, ...(val ? [VAL_MAP] : []), ...(heldOut ? [HELD_OUT] : [])];
  return (
    <div className="training-charts">
      {charts.map((spec) => (
        <CurveChart key={spec.metric} spec={spec} runs={runs} legend={legend} />
      ))}
      {!(truth && val) && (
        <p className="notice" role="note" aria-label="No mAP curves">
          {truth
            ? 'No val set: no val mAP. These runs trained without one; “Val split” in the form says how to get one.'
            : 'No ground truth: no mAP. This dataset has no labels to score the pseudo labels or the classifier against, so the pseudo-label and val mAP curves are not drawn; the loss and how much the labels moved are.'}
        </p>
      )}
      <p className="hint">
        Dashed: a run whose pseudo labels never change (η = 0 or no update epoch) — the baseline to judge gradient alignment against.
        {truth ? ' Pseudo-label mAP at epoch 0 is Y0’s.' : ''}
        {heldOut ? ' Held-out: train images the head never trains on and whose labels never change; each run keeps (and exports) the epoch with the lowest KL against their Y0, and early stopping counts label updates without a lower one.' : ''}
      </p>
    </div>
  );
}

function CurveChart({ spec: { metric, title, unit }, runs, legend }: { spec: ChartSpec; runs: readonly TrainingRunRecord[]; legend: LegendEntry[] }) {
  return (
    <ChartFrame title={title} fileStem={exportFileStem(trainingImagesRun(runs[0]!.meta), 'training', metric, ...(runs.length <= 4 ? runs.map((run) => trainingRunPart(run.meta.name)) : [`${runs.length}-runs`]))} legend={legend}>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={curveRows(runs, metric) as object[]} margin={{ top: 16, right: 20, bottom: 18, left: 8 }}>
          <CartesianGrid stroke="#d9dee7" strokeDasharray="3 3" />
          <XAxis dataKey="epoch" type="number" allowDecimals={false} domain={['dataMin', 'dataMax']} label={{ value: 'epoch', position: 'insideBottom', offset: -8 }} />
          <YAxis width={64} domain={['auto', 'auto']} tickFormatter={(value: number) => (isMap(metric) ? value.toFixed(1) : value.toPrecision(3))} label={{ value: unit, angle: -90, position: 'insideLeft', offset: 4 }} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? formatValue(metric, value) : String(value))} />
          {runs.map((run, i) => (
            <Line
              key={run.meta.id}
              {...curveLabel(runLabel(run))}
              dataKey={run.meta.id}
              name={runLabel(run)}
              stroke={runColor(i)}
              strokeDasharray={updatesLabels(run) ? undefined : '6 4'}
              strokeWidth={2}
              dot={labelledDots((row, value) => `${run.meta.name}, epoch ${String(row['epoch'])}: ${formatValue(metric, value)}`)}
              isAnimationActive={false}
              connectNulls
            />
          ))}
          {metric === 'heldOutLoss' && runs.map((run, i) => <KeptMarker key={`kept-${run.meta.id}`} run={run} color={runColor(i)} />)}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** A ring around the held-out point of the epoch the run keeps. */
function KeptMarker({ run, color }: { run: TrainingRunRecord; color: string }) {
  const epoch = keptEpoch(run);
  const loss = epoch === null ? null : (run.figures[epoch - 1]?.heldOutLoss ?? null);
  if (epoch === null || loss === null) return null;
  return <ReferenceDot x={epoch} y={loss} r={7} fill="none" stroke={color} strokeWidth={2} aria-label={`${run.meta.name} keeps epoch ${epoch}`} />;
}

const isMap = (metric: CurveMetric) => metric === 'pseudoLabelMap' || metric === 'valMap';

const formatValue = (metric: CurveMetric, value: number) => (metric === 'loss' ? value.toPrecision(5) : metric === 'labelChange' ? value.toFixed(4) : value.toFixed(2));

function runLabel(run: TrainingRunRecord): string {
  const s = run.meta.settings;
  return `${run.meta.name}: ${s.head}${s.head === 'mlp' ? ` ${s.hidden}` : ''}, lr ${s.learningRate}, k ${s.updateEvery}${s.schedule === 'reference' ? ' (reference schedule)' : ''}, σ ${s.sigma}, η ${s.eta}`;
}

function updatesLabels(run: TrainingRunRecord): boolean {
  const s = run.meta.settings;
  return s.eta > 0 && s.epochs > s.warmup;
}
