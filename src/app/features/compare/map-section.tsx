import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { QueryState } from '../../components/query-state';
import { MapTable } from './map-table';
import { useComparison } from './use-comparison';

export function MapSection({ a, b }: { a: LabSettings; b: LabSettings }) {
  const { comparison, pending } = useComparison(a, b);
  return (
    <section className="panel" aria-labelledby="compare-map-heading">
      <h2 id="compare-map-heading">mAP of A and B</h2>
      <QueryState query={pending} what="the mAP of A and B" />
      {comparison && <MapTable comparison={comparison} a={a} b={b} />}
    </section>
  );
}
