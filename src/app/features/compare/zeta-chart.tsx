import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { PSEUDO_LABEL_MODES } from '../../../core/evaluation/pseudo-label-modes';
import type { LegendEntry } from '../../../core/export/chart-svg';
import { settingsFileStem } from '../../../core/export/export-file-name';
import { useChartRun } from '../../state/exported-run';
import { mapAxis, mapUnitLabel, type ZetaChart as ZetaChartData } from '../../../core/lab/compare';
import { differenceNames, sharedZetaMarker } from '../../../core/lab/compare-differences';
import { useDifferences } from './use-differences';
import { curveLabel, markerLabel } from '../../components/chart-a11y';
import { ChartFrame } from '../../components/chart-frame';

export const MODE_COLORS = { global: '#64748b', aggregate: '#d97706', final: '#1d4ed8' } as const;
/** Wider lines below, so curves that coincide (often aggregate and final at mAP 100) both stay visible. */
export const LINE_WIDTH = { global: 2, aggregate: 5, final: 2 } as const;
const MARK_COLORS = { A: '#0f766e', B: '#be185d' } as const;

/** mAP versus ζ for the three modes; A and B as vertical lines and dots on their curves. */
export function ZetaChart({ chart, a, b, range }: { chart: ZetaChartData; a: LabSettings; b: LabSettings; range: 'fit' | 'full' }) {
  // While B's own curves are computed, A's are already named as A's.
  const curvesOfA = chart.separateB || chart.pendingB;
  const legend: LegendEntry[] = PSEUDO_LABEL_MODES.flatMap((mode) => [
    { label: curvesOfA ? `${mode} (A)` : mode, color: MODE_COLORS[mode] },
    ...(chart.separateB ? [{ label: `${mode} (B)`, color: MODE_COLORS[mode], dashed: true }] : []),
  ]);
  const run = useChartRun();
  const unit = mapUnitLabel(a);
  const axis = mapAxis(chart, range);
  const differences = useDifferences(a, b);
  // One label where A and B stand at one ζ: "A = B" only when they are the same setting.
  const shared = chart.markers.length === 2 && chart.markers[0]!.zeta === chart.markers[1]!.zeta ? sharedZetaMarker(differences) : null;
  const others = differences.filter((difference) => difference.key !== 'zeta');
  const title = `mAP versus ζ — ${unit}${chart.separateB && mapUnitLabel(b) !== unit ? `; B: ${mapUnitLabel(b)}` : ''}`;
  return (
    <ChartFrame
      title={title}
      fileStem={settingsFileStem(run, 'zeta-chart', a)}
      legend={legend}
      note={
        <>
          Vertical lines: A at ζ = {a.zeta.toFixed(2)}, B at ζ = {b.zeta.toFixed(2)}; dots: their mAPs.
          {others.length === 0
            ? differences.length === 0
              ? ' A and B are the same setting: one set of curves.'
              : ' A and B differ only in ζ: one set of curves.'
            : chart.pendingB
              ? ` B’s curves (B differs in ${differenceNames(others)}) are being computed.`
              : ` Dashed: B’s curves (B differs in ${differenceNames(others)}).`}{' '}
          Global does not depend on ζ.
        </>
      }
    >
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={chart.rows as object[]} margin={{ top: 24, right: 24, bottom: 20, left: 8 }}>
          <CartesianGrid stroke="#d9dee7" strokeDasharray="3 3" />
          <XAxis dataKey="zeta" type="number" domain={[0, 1]} ticks={[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]} label={{ value: 'ζ', position: 'insideBottom', offset: -10 }} />
          <YAxis domain={axis.domain as [number, number]} ticks={axis.ticks as number[]} interval={0} width={64} label={{ value: 'mAP %', angle: -90, position: 'insideLeft', offset: 4 }} />
          <Tooltip formatter={(value) => (typeof value === 'number' ? value.toFixed(2) : String(value))} labelFormatter={(zeta) => `ζ = ${Number(zeta).toFixed(2)}`} />
          {PSEUDO_LABEL_MODES.map((mode) => (
            <Line key={`a-${mode}`} {...curveLabel(curvesOfA ? `${mode} (A)` : mode)} type="linear" dataKey={`a_${mode}`} name={curvesOfA ? `${mode} (A)` : mode} stroke={MODE_COLORS[mode]} strokeWidth={LINE_WIDTH[mode]} dot={false} isAnimationActive={false} />
          ))}
          {chart.separateB &&
            PSEUDO_LABEL_MODES.map((mode) => (
              <Line key={`b-${mode}`} {...curveLabel(`${mode} (B)`)} type="linear" dataKey={`b_${mode}`} name={`${mode} (B)`} stroke={MODE_COLORS[mode]} strokeDasharray="6 4" strokeWidth={LINE_WIDTH[mode]} dot={false} isAnimationActive={false} />
            ))}
          {chart.markers.map((marker, index) => (
            <ReferenceLine
              key={`line-${marker.label}`}
              {...markerLabel(`${shared ?? marker.label} at ζ = ${marker.zeta.toFixed(2)}`)}
              x={marker.zeta}
              stroke={MARK_COLORS[marker.label]}
              strokeWidth={1.5}
              label={shared !== null ? (index === 0 ? { value: shared, position: marker.zeta < 0.5 ? 'insideTopLeft' : 'insideTopRight', fill: '#1d2330', fontWeight: 700, className: 'zeta-marker' } : undefined) : { value: marker.label, position: 'top', fill: MARK_COLORS[marker.label], fontWeight: 700, className: 'zeta-marker' }}
            />
          ))}
          {chart.markers.flatMap((marker) =>
            PSEUDO_LABEL_MODES.map((mode) => (
              <ReferenceDot key={`dot-${marker.label}-${mode}`} {...markerLabel(`${marker.label}'s ${mode} mAP at ζ = ${marker.zeta.toFixed(2)}: ${marker.mAP[mode].toFixed(2)}`)} x={marker.zeta} y={marker.mAP[mode]} r={4} fill={MODE_COLORS[mode]} stroke={MARK_COLORS[marker.label]} strokeWidth={2} />
            )),
          )}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
