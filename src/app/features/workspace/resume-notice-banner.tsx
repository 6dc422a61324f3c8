import { useLabServices } from '../../state/lab-services';
import { resumeWithPermission } from '../../state/resume-run';
import { useRunStatus } from '../../state/run-status-store';

/** About the run the last page left unfinished: resumed, or what to click to resume it. */
export function ResumeNoticeBanner() {
  const { client } = useLabServices();
  const notice = useRunStatus((state) => state.resumeNotice);
  if (!notice) return null;
  switch (notice.kind) {
    case 'resumed':
      return (
        <p className="banner info" role="status" aria-label="Resumed run">
          Resumed the run on {notice.label} that the reload interrupted: images already stored are not encoded again.
        </p>
      );
    case 'reopened':
      return (
        <p className="banner info" role="status" aria-label="Reopened run">
          Reopened your last run on {notice.label} from the browser cache (nothing is encoded again).
        </p>
      );
    case 'needs-permission':
      return (
        <p className="banner info" role="alert">
          The run on {notice.label} was interrupted. The browser needs your permission to read the folder again.{' '}
          <button type="button" onClick={() => void resumeWithPermission(client, notice.request)}>
            Resume the run
          </button>
        </p>
      );
    case 'choose-again':
      return (
        <p className="banner info" role="alert">
          The run on {notice.label} was interrupted. Files chosen by upload cannot be reopened after a reload: choose the
          folder again and press “Compute pseudo labels” — the images already stored are not encoded again.
        </p>
      );
  }
}
