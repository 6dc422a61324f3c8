import { useMemo } from 'react';
import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { labelsChangedMost } from '../../../core/lab/compare';
import { QueryState } from '../../components/query-state';
import { useLabStore } from '../../state/lab-store';
import { useLabQuery } from '../../state/use-lab-query';
import { ChangedList } from './changed-list';

const CHANGED_SHOWN = 12;

export function ChangedSection({ a, b }: { a: LabSettings; b: LabSettings }) {
  const mode = useLabStore((state) => state.compare.mode);
  const scoresA = useLabQuery({ kind: 'scores', settings: a });
  const scoresB = useLabQuery({ kind: 'scores', settings: b });
  const changed = useMemo(() => {
    if (!scoresA.data || !scoresB.data) return null;
    return labelsChangedMost(scoresA.data.ids, scoresA.data.classes, scoresA.data.scores[mode], scoresB.data.scores[mode], CHANGED_SHOWN);
  }, [scoresA.data, scoresB.data, mode]);
  return (
    <section className="panel" aria-labelledby="compare-changed-heading">
      <h2 id="compare-changed-heading">Labels changed most ({mode})</h2>
      <p className="muted">Ranked by Σ over classes of |B − A| of the image’s {mode} scores; the class that moved most is named.</p>
      <QueryState query={scoresA.data ? scoresB : scoresA} what="the pseudo labels of A and B" />
      {changed && <ChangedList changed={changed} />}
    </section>
  );
}
