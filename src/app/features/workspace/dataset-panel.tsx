import { useState, type DragEvent } from 'react';
import { useLabStore } from '../../state/lab-store';
import { DEMO_DATASET, TRAINING_DEMO_DATASET } from '../../state/selection';
import { FolderInput } from '../../components/folder-input';
import type { DatasetRef } from '../../../worker/protocol/pipeline-protocol';
import { DatasetReadFields } from './dataset-read-fields';
import { DatasetSummary } from './dataset-summary';
import { useDatasetLayout } from '../../state/dataset-layout';

/** The dataset: a folder (picked, dropped or chosen through the file input), how to read it, and what the run read. */
export function DatasetPanel() {
  const dataset = useLabStore((state) => state.selection.dataset);
  const layoutState = useDatasetLayout();
  const select = useLabStore((state) => state.select);
  const setDataset = (next: DatasetRef, nextSplit: string | null) => select({ dataset: next, split: nextSplit });
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
        {dataset !== TRAINING_DEMO_DATASET && (
          <button type="button" className="link" onClick={() => setDataset(TRAINING_DEMO_DATASET, 'train')}>
            Use the training demo
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
        Drop a dataset folder here (PASCAL VOC, COCO, NUS-WIDE, or photos with a class list), or
        {canPickDirectory && (
          <button type="button" onClick={pickDirectory}>
            Open folder…
          </button>
        )}
        <FolderInput name="Choose a dataset folder" label={(top, files) => `${top} (${files} files)`} onFolder={(ref) => setDataset(ref, null)} />
      </div>
      <DatasetReadFields layoutState={layoutState} />
      <DatasetSummary />
    </section>
  );
}
