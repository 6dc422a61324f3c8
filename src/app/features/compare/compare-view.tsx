import { useEffect, useMemo, useState } from 'react';
import { REFERENCE_REPRODUCTION_SCALE } from '../../../core/cdul/temperature';
import {
  collapseThreshold,
  compareEvaluations,
  formatDelta,
  labelsChangedMost,
  largestScore,
  mapUnitLabel,
  metricLabel,
  sameCurves,
  zetaChart,
  zetaGrid,
  type EvaluationComparison,
} from '../../../core/lab/compare';
import type { PseudoLabelMode } from '../../../core/evaluation/pseudo-labels';
import type { PseudoLabelSettingsMessage } from '../../../worker/protocol';
import { isPaperVersusReference, useCompareStore } from '../../state/compare-store';
import { useLabQuery } from '../../state/lab-client';
import type { PipelineClient } from '../../state/pipeline-client';
import { useRunStore } from '../../state/run-store';
import { useViewStore } from '../../state/view-store';
import { ExportPanel } from '../export/export-panel';
import { NeedsRun } from '../layout/needs-run';
import { PrChart } from './pr-chart';
import { QueryState } from './query-state';
import { SettingsEditor } from './settings-editor';
import { ZetaChart } from './zeta-chart';
import './compare.css';

const MODES: readonly PseudoLabelMode[] = ['global', 'aggregate', 'final'];
const CHANGED_SHOWN = 12;

/** The sentence that explains the temperature collapse (issue 5 item 4). */
export const COLLAPSE_EXPLANATION =
  'With scale 1/ln 100 ≈ 0.217 the softmax over 20 classes is nearly uniform (every score ≈ 0.05), so α < ζ for every ζ ≥ 0.1 and the aggregate falls back to β, the minimum over snippets.';

/** Two settings A and B side by side (issue 5 item 4). */
export function CompareView({ client }: { client: PipelineClient }) {
  const phase = useRunStore((state) => state.phase);
  if (phase !== 'complete') return <NeedsRun what="Compare" />;
  return <CompareResults client={client} />;
}

function CompareResults({ client }: { client: PipelineClient }) {
  const store = useCompareStore();
  const { mode, classIndex, setSide, swap, setBoth, setMode, setClassIndex, paperVersusReference } = store;
  // The sliders move at once; the worker is asked once they rest (a drag would queue a sweep per step).
  const a = useSettled(store.a);
  const b = useSettled(store.b);
  const workspaceSettings = useRunStore((state) => state.settings);
  const classes = useRunStore((state) => state.dataset?.classes ?? []);
  const grids = useLabQuery(client, { kind: 'cached-grids' });
  const evaluationA = useLabQuery(client, { kind: 'evaluation', settings: a });
  const evaluationB = useLabQuery(client, { kind: 'evaluation', settings: b });
  const zetas = useMemo(() => zetaGrid(0, 1, 0.02, [a.zeta, b.zeta]), [a.zeta, b.zeta]);
  const separateB = !sameCurves(a, b);
  const sweepA = useLabQuery(client, { kind: 'zeta-sweep', zetas, settings: a });
  const sweepB = useLabQuery(client, separateB ? { kind: 'zeta-sweep', zetas, settings: b } : null);
  const scoresA = useLabQuery(client, { kind: 'scores', settings: a });
  const scoresB = useLabQuery(client, { kind: 'scores', settings: b });
  const shownClass = Math.min(classIndex, Math.max(0, classes.length - 1));
  const prA = useLabQuery(client, { kind: 'pr-curves', classIndex: shownClass, settings: a });
  const prB = useLabQuery(client, { kind: 'pr-curves', classIndex: shownClass, settings: b });

  const comparison = useMemo(
    () => (evaluationA.data && evaluationB.data ? compareEvaluations(evaluationA.data.results, evaluationB.data.results) : null),
    [evaluationA.data, evaluationB.data],
  );
  const chart = useMemo(() => {
    if (!sweepA.data || (separateB && !sweepB.data)) return null;
    // placeholderData may hold the previous sweep for a moment: draw only the one that has A's and B's ζ.
    if (sweepA.data.zetas !== zetas && sweepA.data.zetas.join() !== zetas.join()) return null;
    try {
      return zetaChart(a, b, sweepA.data, separateB ? sweepB.data! : null);
    } catch {
      return null;
    }
  }, [a, b, separateB, sweepA.data, sweepB.data, zetas]);
  const changed = useMemo(() => {
    if (!scoresA.data || !scoresB.data) return null;
    return labelsChangedMost(scoresA.data.ids, scoresA.data.classes, scoresA.data.scores[mode], scoresB.data.scores[mode], CHANGED_SHOWN);
  }, [scoresA.data, scoresB.data, mode]);
  const paperVsRef = isPaperVersusReference(a, b);

  return (
    <div className="compare">
      <section className="panel compare-settings" aria-labelledby="compare-heading">
        <h2 id="compare-heading">Compare two settings</h2>
        <div className="compare-sides">
          <SettingsEditor side="A" settings={store.a} grids={grids.data} onChange={(patch) => setSide('a', patch)} />
          <SettingsEditor side="B" settings={store.b} grids={grids.data} onChange={(patch) => setSide('b', patch)} />
        </div>
        <div className="controls compare-actions">
          <button type="button" onClick={swap}>
            Swap A and B
          </button>
          <button type="button" onClick={() => setBoth(workspaceSettings, store.b)}>
            Use the workspace’s settings as A
          </button>
          <button type="button" className="primary" onClick={() => paperVersusReference(workspaceSettings)}>
            Paper vs reference temperature
          </button>
        </div>
        <p className="muted">
          “Paper vs reference temperature” compares the workspace’s setting at the paper’s scale (100, A) with the reference reproduction’s
          (1/ln 100, B). {COLLAPSE_EXPLANATION}
        </p>
      </section>

      {paperVsRef && <CollapseSummary sweep={separateB ? sweepB.data : undefined} scores={scoresB.data?.scores.global} b={b} />}

      <section className="panel" aria-labelledby="compare-map-heading">
        <h2 id="compare-map-heading">mAP of A and B</h2>
        <QueryState query={evaluationA.data ? evaluationB : evaluationA} what="the mAP of A and B" />
        {comparison && <MapTable comparison={comparison} a={a} b={b} />}
      </section>

      <section className="panel" aria-labelledby="compare-zeta-heading">
        <h2 id="compare-zeta-heading" className="visually-hidden">
          mAP versus ζ
        </h2>
        <QueryState query={sweepA.data ? sweepB : sweepA} what="the ζ sweep" />
        {chart && <ZetaChart chart={chart} a={a} b={b} />}
      </section>

      <div className="compare-grid">
        <section className="panel" aria-labelledby="compare-class-heading">
          <h2 id="compare-class-heading">Per-class AP</h2>
          <label className="field">
            Pseudo labels
            <select value={mode} onChange={(event) => setMode(event.target.value as PseudoLabelMode)}>
              {MODES.map((entry) => (
                <option key={entry} value={entry}>
                  {entry}
                </option>
              ))}
            </select>
          </label>
          {comparison && <ClassTable comparison={comparison} mode={mode} a={a} b={b} />}
        </section>

        <section className="panel" aria-labelledby="compare-changed-heading">
          <h2 id="compare-changed-heading">Labels changed most ({mode})</h2>
          <p className="muted">Ranked by Σ over classes of |B − A| of the image’s {mode} scores; the class that moved most is named.</p>
          <QueryState query={scoresA.data ? scoresB : scoresA} what="the pseudo labels of A and B" />
          {changed && <ChangedList changed={changed} />}
        </section>
      </div>

      <section className="panel" aria-labelledby="compare-pr-heading">
        <h2 id="compare-pr-heading">Precision–recall curves</h2>
        <label className="field">
          Class
          <select value={shownClass} onChange={(event) => setClassIndex(Number(event.target.value))}>
            {classes.map((name, index) => (
              <option key={name} value={index}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <QueryState query={prA.data ? prB : prA} what="the precision–recall curves" />
        {prA.data && prB.data && prA.data.classIndex === prB.data.classIndex && <PrChart className={classes[prA.data.classIndex] ?? ''} a={a} b={b} curvesA={prA.data} curvesB={prB.data} />}
      </section>

      <section className="panel">
        <ExportPanel
          client={client}
          choices={[
            { label: `A (ζ ${a.zeta.toFixed(2)}, λ ${a.lambda.toFixed(2)})`, settings: a },
            { label: `B (ζ ${b.zeta.toFixed(2)}, λ ${b.lambda.toFixed(2)})`, settings: b },
          ]}
        />
      </section>
    </div>
  );
}

function MapTable({ comparison, a, b }: { comparison: EvaluationComparison; a: PseudoLabelSettingsMessage; b: PseudoLabelSettingsMessage }) {
  const sameMetric = a.convention === b.convention && a.difficult === b.difficult;
  return (
    <>
      <table aria-label="mAP of A and B" className="compare-table">
        <thead>
          <tr>
            <th scope="col">pseudo labels</th>
            <th scope="col">A: {mapUnitLabel(a)}</th>
            <th scope="col">B: {mapUnitLabel(b)}</th>
            <th scope="col">Δ B − A (points)</th>
          </tr>
        </thead>
        <tbody>
          {comparison.map.map((row) => (
            <tr key={row.mode}>
              <th scope="row">{row.mode}</th>
              <td>{row.a.toFixed(2)}</td>
              <td>{row.b.toFixed(2)}</td>
              <td className={deltaClass(row.delta)}>{formatDelta(row.delta)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!sameMetric && <p className="banner warning">A and B are measured with different AP conventions or difficult handling: the deltas mix the two.</p>}
    </>
  );
}

function ClassTable({ comparison, mode, a, b }: { comparison: EvaluationComparison; mode: PseudoLabelMode; a: PseudoLabelSettingsMessage; b: PseudoLabelSettingsMessage }) {
  const show = (value: number | null) => (value === null ? 'no positive' : value.toFixed(2));
  return (
    <div className="table-scroll">
      <table aria-label={`Per-class AP of A and B (${mode})`} className="compare-table">
        <thead>
          <tr>
            <th scope="col">class</th>
            <th scope="col">A: AP % ({metricLabel(a.convention, a.difficult)})</th>
            <th scope="col">B: AP % ({metricLabel(b.convention, b.difficult)})</th>
            <th scope="col">Δ B − A</th>
          </tr>
        </thead>
        <tbody>
          {comparison.perClass.map((row) => (
            <tr key={row.className}>
              <th scope="row">{row.className}</th>
              <td>{show(row.a[mode])}</td>
              <td>{show(row.b[mode])}</td>
              <td className={deltaClass(row.delta[mode])}>{formatDelta(row.delta[mode])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChangedList({ changed }: { changed: ReturnType<typeof labelsChangedMost> }) {
  const openImage = useViewStore((state) => state.openImage);
  if (changed.length === 0) return <p className="muted">No image’s labels differ between A and B in this mode.</p>;
  return (
    <ol className="changed-list" aria-label="Images whose labels changed most">
      {changed.map((change) => (
        <li key={change.id}>
          <button type="button" className="link" onClick={() => openImage(change.id)} aria-label={`Open image ${change.id}`}>
            {change.id}
          </button>
          <span>
            {change.className}: {change.a.toFixed(3)} → {change.b.toFixed(3)}
          </span>
          <span className="muted">Σ|Δ| {change.total.toFixed(3)}</span>
        </li>
      ))}
    </ol>
  );
}

function CollapseSummary({ sweep, scores, b }: { sweep: { zetas: readonly number[]; mAP: { aggregate: readonly number[]; global: readonly number[]; final: readonly number[] } } | undefined; scores: Float32Array | undefined; b: PseudoLabelSettingsMessage }) {
  if (!sweep || !scores) {
    return (
      <p role="status" className="panel muted loading">
        Computing the reference scale’s ζ sweep…
      </p>
    );
  }
  const collapse = collapseThreshold(sweep, 1e-6);
  const top = largestScore(scores);
  return (
    <section className="panel collapse" role="status" aria-label="Temperature collapse">
      <h2>Why the reference reproduction found aggregation useless</h2>
      <p>{COLLAPSE_EXPLANATION}</p>
      <p>
        At the reference scale ({REFERENCE_REPRODUCTION_SCALE.label}) the largest global score of any image and class is <strong>{top.toFixed(4)}</strong>.{' '}
        {collapse ? (
          <>
            The aggregate’s mAP is <strong>{collapse.betaMap.toFixed(2)}</strong> for every ζ ≥ {collapse.from.toFixed(2)} — exactly its value at ζ = 1,
            i.e. β ({mapUnitLabel(b)}).
          </>
        ) : (
          <>On this run the aggregate still changes with ζ up to 1: no collapse visible.</>
        )}
      </p>
    </section>
  );
}

function deltaClass(delta: number | null): string {
  if (delta === null || Math.abs(delta) < 0.005) return 'delta';
  return delta > 0 ? 'delta up' : 'delta down';
}

/** `value` once it has not changed for `ms` (the first value at once). */
function useSettled<T>(value: T, ms = 150): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (settled === value) return;
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, settled, ms]);
  return settled;
}
