import type { LabSettings } from '../../../core/evaluation/lab-settings';
import type { PseudoLabelMode } from '../../../core/evaluation/pseudo-label-modes';
import { naturalClassName } from '../../../core/voc';
import { formatDelta, mapUnitLabel, type EvaluationComparison } from '../../../core/lab/compare';
import { sideHeading } from '../../../core/lab/compare-differences';
import { useDifferences } from './use-differences';
import { deltaClass } from './delta-class';

/** Per-class AP of one mode under A and B, with B − A ("no positive" for a class without one). */
export function ClassTable({ comparison, mode, a, b }: { comparison: EvaluationComparison; mode: PseudoLabelMode; a: LabSettings; b: LabSettings }) {
  const show = (value: number | null) => (value === null ? 'no positive' : value.toFixed(2));
  const differences = useDifferences(a, b);
  const sameMetric = a.convention === b.convention && a.difficult === b.difficult;
  return (
    <div className="table-scroll">
      <table aria-label={`Per-class AP of A and B (${mode})`} className="compare-table">
        <caption className="muted">{sameMetric ? mapUnitLabel(a, 'AP') : 'AP %, each side measured as its header says'}</caption>
        <thead>
          <tr>
            <th scope="col">class</th>
            <th scope="col">{sideHeading('A', differences)}</th>
            <th scope="col">{sideHeading('B', differences)}</th>
            <th scope="col">Δ B − A</th>
          </tr>
        </thead>
        <tbody>
          {comparison.perClass.map((row) => (
            <tr key={row.className}>
              <th scope="row">{naturalClassName(row.className)}</th>
              <td>{show(row.a[mode])}</td>
              <td>{show(row.b[mode])}</td>
              <td className={deltaClass(row.delta[mode])}>{formatDelta(row.delta[mode])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
