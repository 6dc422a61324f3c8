import type { PseudoLabelMode } from '../../../core/evaluation/pseudo-label-modes';
import type { LabelAgreement } from '../../../core/lab/label-agreement';
import { naturalClassName } from '../../../core/voc';

const jaccardText = (value: number | null) => (value === null ? 'no positive' : value.toFixed(3));

/** Per class: how many images A and B predict, how many both do, and the Jaccard index of the two sets. */
export function AgreementTable({ agreement, mode }: { agreement: LabelAgreement; mode: PseudoLabelMode }) {
  return (
    <div className="table-scroll">
      <table aria-label={`Positives per class and agreement of A and B (${mode})`} className="compare-table">
        <thead>
          <tr>
            <th scope="col">class</th>
            <th scope="col">A: positives</th>
            <th scope="col">B: positives</th>
            <th scope="col">both</th>
            <th scope="col">Jaccard |A∩B| / |A∪B|</th>
          </tr>
        </thead>
        <tbody>
          {agreement.perClass.map((row) => (
            <tr key={row.className}>
              <th scope="row">{naturalClassName(row.className)}</th>
              <td>{row.positivesA}</td>
              <td>{row.positivesB}</td>
              <td>{row.both}</td>
              <td>{jaccardText(row.jaccard)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">mean Jaccard</th>
            <td colSpan={3} />
            <td>{agreement.meanJaccard === null ? '—' : agreement.meanJaccard.toFixed(3)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
