import { useRunStatus } from '../../state/run-status-store';
import { resultLine } from './run-result-line';

/**
 * What the finished run is, in the run panel: a computed run's images (the ones it has scores for,
 * as many as the gallery's tiles) and how many were encoded now, skipped files apart; a reference
 * cache as what it is (its model, grid and temperature); a cache folder and where it was embedded.
 */
export function RunResult() {
  const run = useRunStatus();
  if (run.phase !== 'complete') return null;
  return (
    <p role="status" aria-label="Run result">
      {resultLine(run)}
    </p>
  );
}
