import { useEffect } from 'react';
import { CompareView } from './features/compare/compare-view';
import { DatasetPanel } from './features/datasets/dataset-panel';
import { GalleryView } from './features/gallery/gallery-view';
import { GpuStatusPanel } from './features/gpu-status/gpu-status-panel';
import { InspectorView } from './features/inspector/inspector-view';
import { RunAlerts } from './features/layout/run-alerts';
import { ModelPanel } from './features/models/model-panel';
import { ReferenceCachePanel } from './features/reference-caches/reference-cache-panel';
import { ResultsPanel } from './features/results/results-panel';
import { RunPanel } from './features/run/run-panel';
import { StoragePanel } from './features/storage/storage-panel';
import { TrainingView } from './features/training/training-view';
import type { TrainingController } from './state/training-controller';
import { installE2eHooks } from './state/e2e-hooks';
import type { PipelineClient } from './state/pipeline-client';
import { useRunStore } from './state/run-store';
import { LAB_VIEWS, useViewStore } from './state/view-store';

export function App({ client, training }: { client: PipelineClient; training: TrainingController }) {
  const receive = useRunStore((state) => state.receive);
  useEffect(() => client.subscribe(receive), [client, receive]);
  useEffect(() => installE2eHooks(client, training), [client, training]);
  const { view, show } = useViewStore();
  return (
    <div className="app">
      <header className="app-header">
        <h1>CDUL Lab</h1>
        <p className="tagline">
          CLIP-driven unsupervised multi-label classification, run on your own GPU — no server, no upload.
        </p>
        <nav className="view-tabs" aria-label="Views">
          {LAB_VIEWS.map((entry) => (
            <button key={entry.view} type="button" aria-current={view === entry.view ? 'page' : undefined} onClick={() => show(entry.view)}>
              {entry.label}
            </button>
          ))}
        </nav>
      </header>
      <RunAlerts />
      {view === 'workspace' && (
        <main className="app-main">
          <DatasetPanel />
          <ModelPanel />
          <RunPanel client={client} />
          <ReferenceCachePanel client={client} />
          <ResultsPanel client={client} />
          <StoragePanel />
          <GpuStatusPanel />
        </main>
      )}
      {view === 'gallery' && (
        <main className="app-view">
          <GalleryView client={client} />
        </main>
      )}
      {view === 'inspector' && (
        <main className="app-view">
          <InspectorView client={client} />
        </main>
      )}
      {view === 'compare' && (
        <main className="app-view">
          <CompareView client={client} />
        </main>
      )}
      {view === 'training' && (
        <main className="app-view">
          <TrainingView controller={training} client={client} />
        </main>
      )}
    </div>
  );
}
