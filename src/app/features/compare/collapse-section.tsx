import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { sameCurves } from '../../../core/lab/compare';
import { useLabQuery } from '../../state/use-lab-query';
import { CollapseSummary } from './collapse-summary';
import { useZetas } from './zeta-section';

/** The paper-versus-reference explanation, from B's ζ sweep and B's global scores (the chart's and list's own questions). */
export function CollapseSection({ a, b }: { a: LabSettings; b: LabSettings }) {
  const zetas = useZetas(a, b);
  const separateB = !sameCurves(a, b);
  const sweepB = useLabQuery(separateB ? { kind: 'zeta-sweep', zetas, settings: b } : null);
  const scoresB = useLabQuery({ kind: 'scores', settings: b });
  return <CollapseSummary sweep={separateB ? sweepB.data : undefined} scores={scoresB.data?.scores.global} b={b} />;
}
