import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { PSEUDO_LABEL_MODES, type PseudoLabelMode } from '../../../core/evaluation/pseudo-label-modes';
import { useLabStore } from '../../state/lab-store';
import { ClassTable } from './class-table';
import { useComparison } from './use-comparison';

export function ClassSection({ a, b }: { a: LabSettings; b: LabSettings }) {
  const mode = useLabStore((state) => state.compare.mode);
  const setCompareView = useLabStore((state) => state.setCompareView);
  const { comparison } = useComparison(a, b);
  return (
    <section className="panel" aria-labelledby="compare-class-heading">
      <h2 id="compare-class-heading">Per-class AP</h2>
      <label className="field">
        Pseudo labels
        <select value={mode} onChange={(event) => setCompareView({ mode: event.target.value as PseudoLabelMode })}>
          {PSEUDO_LABEL_MODES.map((entry) => (
            <option key={entry} value={entry}>
              {entry}
            </option>
          ))}
        </select>
      </label>
      {comparison && <ClassTable comparison={comparison} mode={mode} a={a} b={b} />}
    </section>
  );
}
