import { Bar } from '../../components/bar';
import { formatChange } from '../../lib/format';
import type { RefinedNames } from '../../state/refined-labels';

/** Y0, refined and Δ of one class, each cell with an accessible name that says what it is. */
export function RefinementCells({
  className,
  names,
  entry,
  change,
}: {
  className: string;
  names: RefinedNames;
  entry: { initial: number; refined: number; delta: number };
  change: 'gained' | 'lost' | null;
}) {
  const delta = formatChange(entry.delta);
  const changeText = change === 'gained' ? 'gained by training' : change === 'lost' ? 'lost by training' : null;
  return (
    <>
      <td className="training-col training-start" aria-label={`${className}, ${names.initialColumn}: ${entry.initial.toFixed(3)}`} data-column="initial">
        <Bar value={entry.initial} />
      </td>
      <td className="training-col" aria-label={`${className}, ${names.refinedColumn}: ${entry.refined.toFixed(3)}`} data-column="refined">
        <Bar value={entry.refined} />
      </td>
      <td
        className={`training-col delta-cell${change ? ` ${change}` : ''}`}
        aria-label={`${className}, change by training (refined − Y0): ${delta}${changeText ? `, ${changeText}` : ''}`}
        data-column="delta"
        data-delta={entry.delta}
      >
        <span className="delta-value">{delta}</span>
        {changeText && <span className={`change ${change}`}> {change === 'gained' ? '+ gained' : '− lost'}</span>}
      </td>
    </>
  );
}
