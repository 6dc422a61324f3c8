import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { formatDelta, mapUnitLabel, type EvaluationComparison } from '../../../core/lab/compare';
import { deltaClass } from './delta-class';

/** mAP of the three modes under A and B, with B − A. */
export function MapTable({ comparison, a, b }: { comparison: EvaluationComparison; a: LabSettings; b: LabSettings }) {
  const sameMetric = a.convention === b.convention && a.difficult === b.difficult;
  return (
    <>
      <table aria-label="mAP of A and B" className="compare-table">
        <thead>
          <tr>
            <th scope="col">pseudo labels</th>
            <th scope="col">A: {mapUnitLabel(a)}</th>
            <th scope="col">B: {mapUnitLabel(b)}</th>
            <th scope="col">Δ B − A (points)</th>
          </tr>
        </thead>
        <tbody>
          {comparison.map.map((row) => (
            <tr key={row.mode}>
              <th scope="row">{row.mode}</th>
              <td>{row.a.toFixed(2)}</td>
              <td>{row.b.toFixed(2)}</td>
              <td className={deltaClass(row.delta)}>{formatDelta(row.delta)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!sameMetric && <p className="banner warning">A and B are measured with different AP conventions or difficult handling: the deltas mix the two.</p>}
    </>
  );
}
