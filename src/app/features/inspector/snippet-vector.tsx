import { argmax } from '../../../core/lab/heat-scale';
import { naturalClassName } from '../../../core/voc';
import type { ImageResult } from '../../../worker/protocol/lab-protocol';
import { Bar } from '../../components/bar';

/** One snippet's whole class vector, best first (the heatmap class highlighted). */
export function SnippetVector({ detail, classes, snippet, heatClass }: { detail: ImageResult; classes: readonly string[]; snippet: number | null; heatClass: number }) {
  if (snippet === null) return <p className="muted snippet-vector-hint">Click (or press Enter on) a snippet to see its full class vector.</p>;
  const values = Array.from(detail.snippetScores.subarray(snippet * classes.length, (snippet + 1) * classes.length));
  const ranked = values.map((value, c) => ({ value, c })).sort((a, b) => b.value - a.value);
  const best = argmax(values);
  return (
    <section className="snippet-vector" aria-label={`Class vector of snippet row ${Math.floor(snippet / detail.grid) + 1}, column ${(snippet % detail.grid) + 1}`}>
      <h3>
        Snippet row {Math.floor(snippet / detail.grid) + 1}, column {(snippet % detail.grid) + 1}: best {naturalClassName(classes[best]!)} {values[best]!.toFixed(3)}
      </h3>
      <table className="bars-table compact">
        <tbody>
          {ranked.map(({ value, c }) => (
            <tr key={c} className={c === heatClass ? 'highlight' : undefined}>
              <th scope="row">
                {naturalClassName(classes[c]!)}
                {detail.alphaSnippet[c] === snippet && <span className="alpha-tag" title="this snippet gave the class's α"> α</span>}
              </th>
              <td>
                <Bar value={value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
