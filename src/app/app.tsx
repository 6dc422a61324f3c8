import { GpuStatusPanel } from './features/gpu-status/gpu-status-panel';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>CDUL Lab</h1>
        <p className="tagline">
          CLIP-driven unsupervised multi-label classification, run on your own GPU — no server, no upload.
        </p>
      </header>
      <main className="app-main">
        <GpuStatusPanel />
        <section className="panel" aria-labelledby="method-heading">
          <h2 id="method-heading">The method</h2>
          <ol className="steps">
            <li>CLIP scores each image as a whole (global) and as an N×N grid of snippets (local).</li>
            <li>The aggregator keeps a snippet's best score for a class when it passes ζ, else its worst.</li>
            <li>Final pseudo labels: ½ (global + aggregate + λ |global − aggregate|).</li>
            <li>A classifier trains on them while gradient alignment refines the labels in turn.</li>
          </ol>
          <p className="muted">
            Datasets, models, inspection and training arrive in the next versions of the lab; the
            command-line tool (<code>npm run cdul</code>) already evaluates pseudo labels.
          </p>
        </section>
      </main>
    </div>
  );
}
