import { useMemo, useState } from 'react';
import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { sameCurves, zetaChart, zetaGrid } from '../../../core/lab/compare';
import { QueryState } from '../../components/query-state';
import { useLabQuery } from '../../state/use-lab-query';
import { ZetaChart } from './zeta-chart';

/** The ζ grid both sweeps run over: every 0.02 from 0 to 1, plus A's and B's own ζ. */
export const useZetas = (a: LabSettings, b: LabSettings) => useMemo(() => zetaGrid(0, 1, 0.02, [a.zeta, b.zeta]), [a.zeta, b.zeta]);

export function ZetaSection({ a, b }: { a: LabSettings; b: LabSettings }) {
  const zetas = useZetas(a, b);
  const separateB = !sameCurves(a, b);
  const [fullAxis, setFullAxis] = useState(false);
  const sweepA = useLabQuery({ kind: 'zeta-sweep', zetas, settings: a });
  const sweepB = useLabQuery(separateB ? { kind: 'zeta-sweep', zetas, settings: b } : null);
  const chart = useMemo(() => {
    // placeholderData may hold the previous sweep for a moment: draw only one that has A's and B's ζ.
    const current = (sweep: { readonly zetas: readonly number[] } | undefined) => sweep !== undefined && (sweep.zetas === zetas || sweep.zetas.join() === zetas.join());
    if (!current(sweepA.data)) return null;
    const readyB = separateB && current(sweepB.data) ? sweepB.data! : null;
    try {
      // A's curves as soon as they are known; B's join them when computed.
      return zetaChart(a, b, sweepA.data!, readyB, separateB && readyB === null);
    } catch {
      return null;
    }
  }, [a, b, separateB, sweepA.data, sweepB.data, zetas]);
  // "Computing…" stands for the chart while there is none, and for B's curves only while they are missing from it.
  return (
    <section className="panel" aria-labelledby="compare-zeta-heading">
      <h2 id="compare-zeta-heading" className="visually-hidden">
        mAP versus ζ
      </h2>
      {chart === null && <QueryState query={{ ...sweepA, data: undefined }} what="the ζ sweep" />}
      {chart?.pendingB && <QueryState query={{ ...sweepB, data: undefined }} what="B’s ζ sweep" />}
      {chart && (
        <>
          <label className="axis-toggle">
            <input type="checkbox" checked={fullAxis} onChange={(event) => setFullAxis(event.target.checked)} /> mAP axis from 0 to 100
          </label>
          <ZetaChart chart={chart} a={a} b={b} range={fullAxis ? 'full' : 'fit'} />
        </>
      )}
    </section>
  );
}
