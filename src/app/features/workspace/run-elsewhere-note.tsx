import { progressLine } from '../../lib/run-progress-text';
import { followedStageText, isGoing } from '../../state/followed-run';
import { useRunOwnership } from '../../state/run-ownership';

/** The run another tab computes (followed here, taken over if that tab closes), or the run this tab took over. */
export function RunElsewhereNote() {
  const { followed, tookOver } = useRunOwnership();
  if (tookOver !== null) {
    return (
      <p className="banner info" role="status" aria-label="Run taken over">
        The tab computing the run on {tookOver} was closed: this tab continues it (images already stored are not encoded again).
      </p>
    );
  }
  if (!followed) return null;
  const line = progressLine(followed.phase === 'running' ? 'running' : 'paused', followed.progress, followed.encoding);
  return (
    <div className="banner info" role="status" aria-label="Run in another tab">
      <p>
        {isGoing(followed.phase) ? 'Running in another tab' : 'Computed in another tab'}: the run on {followed.label} ({followedStageText(followed)}). This tab
        follows it and does not compute it; if that tab closes mid-run, this one continues the run.
      </p>
      <p role="status" aria-label="Progress in the other tab">
        {line ? line.text.replace(/ · paused$/, '') : 'waiting for its progress…'}
      </p>
    </div>
  );
}
