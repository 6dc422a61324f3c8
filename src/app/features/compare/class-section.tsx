import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { useLabStore } from '../../state/lab-store';
import { ClassTable } from './class-table';
import { ModeSelect } from './mode-select';
import { useComparison } from './use-comparison';

export function ClassSection({ a, b }: { a: LabSettings; b: LabSettings }) {
  const mode = useLabStore((state) => state.compare.mode);
  const { comparison } = useComparison(a, b);
  return (
    <section className="panel" aria-labelledby="compare-class-heading">
      <h2 id="compare-class-heading">Per-class AP</h2>
      <ModeSelect />
      {comparison && <ClassTable comparison={comparison} mode={mode} a={a} b={b} />}
    </section>
  );
}
