import { useState, type DragEvent } from 'react';
import { useLabStore } from '../../state/lab-store';
import { DEMO_DATASET } from '../../state/selection';
import { serveFileList } from '../../../worker/clients/file-list-server';
import type { DatasetRef } from '../../../worker/protocol/pipeline-protocol';

const SPLITS = ['train', 'val', 'trainval'];

export function DatasetPanel() {
  const { dataset, split } = useLabStore((state) => state.selection);
  const select = useLabStore((state) => state.select);
  const setDataset = (next: DatasetRef, nextSplit: string | null) => select({ dataset: next, split: nextSplit });
  const setSplit = (next: string | null) => select({ split: next });
  const [dragging, setDragging] = useState(false);
  const canPickDirectory = typeof window.showDirectoryPicker === 'function';

  const pickDirectory = async () => {
    try {
      const handle = await window.showDirectoryPicker!({ mode: 'read' });
      setDataset({ kind: 'directory', handle, label: handle.name }, null);
    } catch {
      // The user closed the picker: keep the current dataset.
    }
  };
  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const item = [...event.dataTransfer.items].find((candidate) => candidate.kind === 'file');
    const handle = (await item?.getAsFileSystemHandle?.()) ?? null;
    if (handle?.kind === 'directory') setDataset({ kind: 'directory', handle: handle as FileSystemDirectoryHandle, label: handle.name }, null);
  };

  return (
    <section className="panel" aria-labelledby="dataset-heading">
      <h2 id="dataset-heading">Dataset</h2>
      <p>
        <strong>{dataset.label}</strong>
        {dataset !== DEMO_DATASET && (
          <button type="button" className="link" onClick={() => setDataset(DEMO_DATASET, 'val')}>
            Back to the demo dataset
          </button>
        )}
      </p>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        Drop a PASCAL VOC folder here, or
        {canPickDirectory && (
          <button type="button" onClick={pickDirectory}>
            Open folder…
          </button>
        )}
        <label className="file-button">
          Choose a dataset folder
          <input
            type="file"
            aria-label="Choose a dataset folder"
            // @ts-expect-error: webkitdirectory is a non-standard attribute React passes through
            webkitdirectory=""
            multiple
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              // The Files stay valid. An input still holding 74,000 of them made every history.replaceState
              // (each store change: url-sync.ts) cost Chromium ~1.2 s saving the form's state.
              event.target.value = '';
              const top = files[0]?.webkitRelativePath.split('/')[0] ?? 'folder';
              if (files.length) setDataset({ kind: 'files', list: serveFileList(files), label: `${top} (${files.length} files)` }, null);
            }}
          />
        </label>
      </div>
      <label className="field">
        Split
        <select value={split ?? ''} onChange={(event) => setSplit(event.target.value || null)}>
          <option value="">all annotated images</option>
          {SPLITS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
