import { CacheFolderPanel } from './cache-folder-panel';
import { DatasetPanel } from './dataset-panel';
import { GpuStatusPanel } from './gpu-status-panel';
import { ModelPanel } from './model-panel';
import { ReferenceCachePanel } from './reference-cache-panel';
import { ResultsPanel } from './results-panel';
import { ResultsReadyBar } from './results-ready-bar';
import { RunPanel } from './run-panel';
import { StoragePanel } from './storage-panel';

/** The run set-up: dataset, model, the run, reference caches, the results, storage and the GPU. */
export function WorkspaceView() {
  return (
    <>
      <DatasetPanel />
      <ModelPanel />
      <RunPanel />
      <ReferenceCachePanel />
      <CacheFolderPanel />
      <ResultsReadyBar />
      <ResultsPanel />
      <StoragePanel />
      <GpuStatusPanel />
    </>
  );
}
