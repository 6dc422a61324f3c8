import { useRunStatus } from '../../state/run-status-store';
import { staleChunksText } from '../../lib/stale-chunks-text';

/** Why a run encodes stored chunks again: their files changed, or the browser's storage lost them. */
export function StaleChunksNote() {
  const notices = useRunStatus((state) => state.staleChunks);
  if (notices.length === 0) return null;
  return (
    <ul className="banner warning stale-chunks" aria-label="Stored chunks encoded again">
      {notices.map((notice, i) => (
        <li key={i}>{staleChunksText(notice)}</li>
      ))}
    </ul>
  );
}
