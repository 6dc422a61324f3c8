import { useMemo } from 'react';
import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { compareEvaluations } from '../../../core/lab/compare';
import { useLabQuery } from '../../state/use-lab-query';

/**
 * mAP and per-class AP of A and B with their deltas (the map and per-class sections ask the same
 * questions: react-query answers both from one worker round trip).
 */
export function useComparison(a: LabSettings, b: LabSettings) {
  const evaluationA = useLabQuery({ kind: 'evaluation', settings: a });
  const evaluationB = useLabQuery({ kind: 'evaluation', settings: b });
  const comparison = useMemo(
    () => (evaluationA.data && evaluationB.data ? compareEvaluations(evaluationA.data.results, evaluationB.data.results) : null),
    [evaluationA.data, evaluationB.data],
  );
  return { comparison, pending: evaluationA.data ? evaluationB : evaluationA };
}
