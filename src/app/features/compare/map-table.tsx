import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { formatDelta, mapUnitLabel, type EvaluationComparison } from '../../../core/lab/compare';
import { sideHeading } from '../../../core/lab/compare-differences';
import { useDifferences } from './use-differences';
import { deltaClass } from './delta-class';

/** mAP of the three modes under A and B, with B − A. */
export function MapTable({ comparison, a, b }: { comparison: EvaluationComparison; a: LabSettings; b: LabSettings }) {
  const sameMetric = a.convention === b.convention && a.difficult === b.difficult;
  const differences = useDifferences(a, b);
  return (
    <>
      <table aria-label="mAP of A and B" className="compare-table">
        <caption className="muted">{sameMetric ? mapUnitLabel(a) : 'mAP %, each side measured as its header says'}</caption>
        <thead>
          <tr>
            <th scope="col">pseudo labels</th>
            <th scope="col">{sideHeading('A', differences)}</th>
            <th scope="col">{sideHeading('B', differences)}</th>
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
