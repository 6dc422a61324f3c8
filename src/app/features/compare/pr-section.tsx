import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { naturalClassName } from '../../../core/voc';
import { QueryState } from '../../components/query-state';
import { useLabStore } from '../../state/lab-store';
import { useRunStatus } from '../../state/run-status-store';
import { useLabQuery } from '../../state/use-lab-query';
import { PrChart } from './pr-chart';

export function PrSection({ a, b }: { a: LabSettings; b: LabSettings }) {
  const classIndex = useLabStore((state) => state.compare.classIndex);
  const setCompareView = useLabStore((state) => state.setCompareView);
  const classes = useRunStatus((state) => state.dataset?.classes ?? []);
  const shownClass = Math.min(classIndex, Math.max(0, classes.length - 1));
  const prA = useLabQuery({ kind: 'pr-curves', classIndex: shownClass, settings: a });
  const prB = useLabQuery({ kind: 'pr-curves', classIndex: shownClass, settings: b });
  return (
    <section className="panel" aria-labelledby="compare-pr-heading">
      <h2 id="compare-pr-heading">Precision–recall curves</h2>
      <label className="field">
        Class
        <select value={shownClass} onChange={(event) => setCompareView({ classIndex: Number(event.target.value) })}>
          {classes.map((token, index) => (
            <option key={token} value={index}>
              {naturalClassName(token)}
            </option>
          ))}
        </select>
      </label>
      <QueryState query={prA.data ? prB : prA} what="the precision–recall curves" />
      {prA.data && prB.data && prA.data.classIndex === prB.data.classIndex && (
        <PrChart className={naturalClassName(classes[prA.data.classIndex] ?? '')} a={a} b={b} curvesA={prA.data} curvesB={prB.data} />
      )}
    </section>
  );
}
