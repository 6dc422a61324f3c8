import { useEffect, useState } from 'react';
import { DatasetPanel } from './features/datasets/dataset-panel';
import { GpuStatusPanel } from './features/gpu-status/gpu-status-panel';
import { ModelPanel } from './features/models/model-panel';
import { ResultsPanel } from './features/results/results-panel';
import { RunPanel } from './features/run/run-panel';
import { StoragePanel } from './features/storage/storage-panel';
import { createPipelineClient, type PipelineClient } from './state/pipeline-client';
import { useRunStore } from './state/run-store';

export function App() {
  const [client] = useState<PipelineClient>(createPipelineClient);
  const receive = useRunStore((state) => state.receive);
  useEffect(() => client.subscribe(receive), [client, receive]);
  return (
    <div className="app">
      <header className="app-header">
        <h1>CDUL Lab</h1>
        <p className="tagline">
          CLIP-driven unsupervised multi-label classification, run on your own GPU — no server, no upload.
        </p>
      </header>
      <main className="app-main">
        <DatasetPanel />
        <ModelPanel />
        <RunPanel client={client} />
        <ResultsPanel client={client} />
        <StoragePanel />
        <GpuStatusPanel />
      </main>
    </div>
  );
}
