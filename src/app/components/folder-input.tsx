import { serveFileList } from '../../worker/clients/file-list-server';
import type { DatasetRef } from '../../worker/protocol/refs';

/**
 * "Choose … folder": an `<input webkitdirectory>` whose files the page serves to the worker (the worker
 * reads them as it needs them). `label(top, count)` names the folder for people.
 */
export function FolderInput(props: { readonly name: string; readonly disabled?: boolean; readonly label: (top: string, files: number) => string; onFolder(ref: DatasetRef): void }) {
  return (
    <label className="file-button">
      {props.name}
      <input
        type="file"
        aria-label={props.name}
        disabled={props.disabled}
        // @ts-expect-error: webkitdirectory is a non-standard attribute React passes through
        webkitdirectory=""
        multiple
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // The Files stay valid. An input still holding 74,000 of them made every history.replaceState
          // (each store change: url-sync.ts) cost Chromium ~1.2 s saving the form's state.
          event.target.value = '';
          const top = files[0]?.webkitRelativePath.split('/')[0] ?? 'folder';
          if (files.length) props.onFolder({ kind: 'files', list: serveFileList(files), label: props.label(top, files.length) });
        }}
      />
    </label>
  );
}
