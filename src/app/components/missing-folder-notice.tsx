import { useLabStore } from '../state/lab-store';

/** What a link asked for that the lab cannot open by itself: a folder (a URL can only name it). */
export function MissingFolderNotice() {
  const missingFolder = useLabStore((state) => state.view.missingFolder);
  const dataset = useLabStore((state) => state.selection.dataset);
  if (missingFolder === null || dataset.label === missingFolder) return null;
  return (
    <p className="banner warning" role="alert" aria-label="Dataset from the link">
      This link was made on the folder <strong>{missingFolder}</strong>, which this lab does not have open (a web page cannot open a folder by
      its name). Open that folder in the workspace's Dataset panel; until then the lab shows <strong>{dataset.label}</strong>.
    </p>
  );
}
