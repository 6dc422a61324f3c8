import { useRunStatus } from '../../state/run-status-store';

/** The files a run could not read, each with the reason (the others were processed). */
export function SkippedFiles() {
  const skipped = useRunStatus((state) => state.skipped);
  if (skipped.length === 0) return null;
  return (
    <details open className="skipped">
      <summary>{skipped.length} file(s) skipped — the others were processed</summary>
      <ul aria-label="Skipped files">
        {skipped.map((item) => (
          <li key={item.id}>{item.reason}</li>
        ))}
      </ul>
    </details>
  );
}
