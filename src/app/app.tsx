import { useEffect } from 'react';
import { RunAlerts } from './components/run-alerts';
import { RunTitle } from './components/run-title';
import { installE2eHooks } from './state/e2e-hooks';
import { useLabServices } from './state/lab-services';
import { useLabStore } from './state/lab-store';
import { receiveRunMessage } from './state/run-status-store';
import { VIEWS } from './views';

export function App() {
  const { client, training } = useLabServices();
  useEffect(() => client.subscribe(receiveRunMessage), [client]);
  useEffect(() => installE2eHooks(client, training), [client, training]);
  const view = useLabStore((state) => state.view.view);
  const showView = useLabStore((state) => state.showView);
  const current = VIEWS.find((entry) => entry.view === view) ?? VIEWS[0];
  const View = current.component;
  return (
    <div className="app">
      <header className="app-header">
        <h1>CDUL Lab</h1>
        <p className="tagline">
          CLIP-driven unsupervised multi-label classification, run on your own GPU — no server, no upload.
        </p>
        <nav className="view-tabs" aria-label="Views">
          {VIEWS.map((entry) => (
            <button key={entry.view} type="button" aria-current={view === entry.view ? 'page' : undefined} onClick={() => showView(entry.view)}>
              {entry.label}
            </button>
          ))}
        </nav>
      </header>
      <RunTitle />
      <RunAlerts />
      <main className={current.layout === 'panels' ? 'app-main' : 'app-view'}>
        <View />
      </main>
    </div>
  );
}
