import { useMemo } from 'react';
import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { useLabStore } from '../../state/lab-store';
import { useLabQuery } from '../../state/use-lab-query';

/**
 * The 'scores' answers of A and B in the view's mode (the sections that need no ground truth read
 * these; react-query answers them all from one round trip per side).
 */
export function useSideScores(a: LabSettings, b: LabSettings) {
  const mode = useLabStore((state) => state.compare.mode);
  const scoresA = useLabQuery({ kind: 'scores', settings: a });
  const scoresB = useLabQuery({ kind: 'scores', settings: b });
  const ready = useMemo(
    () => (scoresA.data && scoresB.data ? { ids: scoresA.data.ids, classes: scoresA.data.classes, a: scoresA.data.scores[mode], b: scoresB.data.scores[mode] } : null),
    [scoresA.data, scoresB.data, mode],
  );
  return { mode, ready, pending: scoresA.data ? scoresB : scoresA };
}
