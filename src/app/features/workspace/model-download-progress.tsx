import { formatEta, formatMegabytes } from '../../lib/format';
import { useRunStatus } from '../../state/run-status-store';

/** One aggregate bar for every file of the model (MB done / total, ETA), or "from the browser cache". */
export function ModelDownloadProgress() {
  const download = useRunStatus((state) => state.modelDownload);
  if (!download) return null;
  const percent = download.totalBytes ? Math.round((100 * download.loadedBytes) / download.totalBytes) : 0;
  return (
    <div className="progress">
      <progress aria-label="Model download" max={download.totalBytes || 1} value={download.loadedBytes} />
      <p role="status" aria-label="Model download status">
        Model: {formatMegabytes(download.loadedBytes)} / {formatMegabytes(download.totalBytes)} ({percent}%)
        {download.fromCache ? ' · from the browser cache' : ` · ETA ${formatEta(download.etaSeconds)}`}
        {` · ${download.filesDone}/${download.filesTotal} files`}
      </p>
      {download.damagedInCache.length > 0 && (
        <ul role="note" aria-label="Model cache repaired">
          {download.damagedInCache.map(({ path, problem }) => (
            <li key={path}>
              The copy of {path} kept in this browser was damaged: {problem}. It was deleted and downloaded again.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
