import { progressLine } from '../../lib/run-progress-text';
import { useRunStatus } from '../../state/run-status-store';

/** The images done / total with images/s and ETA, from the first image encoded (lib/run-progress-text.ts). */
export function RunProgress() {
  const { phase, progress, encoding, fixedScale } = useRunStatus();
  // A reference cache shows its result line only (it reads stored scores: nothing to count once open).
  if (phase === 'complete' && fixedScale !== null) return null;
  const line = progressLine(phase, progress, encoding);
  if (!line) return null;
  return (
    <div className="progress">
      <progress aria-label={line.label} max={line.max} value={line.value} />
      <p role="status" aria-label="Run progress">
        {line.text}
      </p>
    </div>
  );
}
