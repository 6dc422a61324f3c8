import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { PSEUDO_LABEL_MODES } from '../../../core/evaluation/pseudo-label-modes';
import type { LegendEntry } from '../../../core/export/chart-svg';
import { settingsFileStem } from '../../../core/export/export-file-name';
import { useChartRun } from '../../state/exported-run';
import { prCurvePoints } from '../../../core/lab/compare';
import { sideHeading } from '../../../core/lab/compare-differences';
import { useDifferences } from './use-differences';
import type { PrCurvesResult } from '../../../worker/protocol/lab-protocol';
import { curveLabel } from '../../components/chart-a11y';
import { ChartFrame } from '../../components/chart-frame';
import { LINE_WIDTH, MODE_COLORS } from './zeta-chart';

/** Precision–recall curves of one class: A solid, B dashed, one colour per mode. */
export function PrChart({ className, a, b, curvesA, curvesB }: { className: string; a: LabSettings; b: LabSettings; curvesA: PrCurvesResult; curvesB: PrCurvesResult }) {
  const series = PSEUDO_LABEL_MODES.flatMap((mode) => [
    { mode, key: `a-${mode}`, label: `${mode} (A)`, color: MODE_COLORS[mode], dashed: false, convention: a.convention, points: prCurvePoints(curvesA.curves[mode]) },
    { mode, key: `b-${mode}`, label: `${mode} (B)`, color: MODE_COLORS[mode], dashed: true, convention: b.convention, points: prCurvePoints(curvesB.curves[mode]) },
  ]);
  const legend: LegendEntry[] = series.map((entry) => ({ label: entry.label, color: entry.color, dashed: entry.dashed }));
  const differences = useDifferences(a, b);
  const run = useChartRun();
  const title = `Precision–recall of “${className}” — ${sideHeading('A', differences)}; ${sideHeading('B', differences)}`;
  return (
    <ChartFrame title={title} fileStem={`${settingsFileStem(run, 'pr-chart', a)}-${className.replace(/\s+/g, '-')}`} legend={legend}>
      <ResponsiveContainer width="100%" height={300}>
        <LineChart margin={{ top: 12, right: 24, bottom: 20, left: 8 }}>
          <CartesianGrid stroke="#d9dee7" strokeDasharray="3 3" />
          <XAxis dataKey="recall" type="number" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} label={{ value: 'recall', position: 'insideBottom', offset: -10 }} />
          <YAxis dataKey="precision" type="number" domain={[0, 1]} width={64} label={{ value: 'precision', angle: -90, position: 'insideLeft', offset: 4 }} />
          {series.map((entry) => (
            <Line
              key={entry.key}
              {...curveLabel(entry.label)}
              data={entry.points}
              dataKey="precision"
              name={entry.label}
              type={entry.convention === 'step' ? 'stepBefore' : 'linear'}
              stroke={entry.color}
              strokeDasharray={entry.dashed ? '6 4' : undefined}
              strokeWidth={LINE_WIDTH[entry.mode]}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
