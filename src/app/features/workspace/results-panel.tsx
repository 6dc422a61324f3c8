import { useEffect } from 'react';
import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../../core/cdul/temperature';
import type { PipelineClient } from '../../state/pipeline-client';
import { useRunStore } from '../../state/run-store';
import { PromptEditor } from '../prompts/prompt-editor';
import { ExportPanel } from '../export/export-panel';

export function ResultsPanel({ client }: { client: PipelineClient }) {
  const { phase, settings, setSettings, evaluation, evaluationError, prompts, dataset, fixedScale } = useRunStore();
  // A new prompt set changes every similarity: evaluate again, like a settings change.
  useEffect(() => {
    if (phase === 'complete') client.send({ type: 'evaluate', settings });
  }, [phase, settings, prompts, client]);
  if (phase !== 'complete') return null;
  const rows: [string, number | undefined][] = [
    ['global', evaluation?.mAP.global],
    ['aggregate', evaluation?.mAP.aggregate],
    ['final', evaluation?.mAP.final],
  ];
  return (
    <section className="panel" aria-labelledby="results-heading">
      <h2 id="results-heading">Pseudo labels</h2>
      <div className="controls">
        <label className="field">
          Threshold ζ = {settings.zeta.toFixed(2)}
          <input type="range" min={0} max={1} step={0.01} value={settings.zeta} onChange={(event) => setSettings({ zeta: Number(event.target.value) })} />
        </label>
        <label className="field">
          λ = {settings.lambda.toFixed(2)}
          <input type="range" min={0} max={1} step={0.05} value={settings.lambda} onChange={(event) => setSettings({ lambda: Number(event.target.value) })} />
        </label>
        <label className="field">
          Temperature
          <select
            disabled={fixedScale !== null}
            aria-describedby={fixedScale !== null ? 'fixed-temperature' : undefined}
            value={settings.scale === null ? 'model' : settings.scale === PAPER_SCALE.scale ? 'paper' : 'reference'}
            onChange={(event) =>
              setSettings({ scale: { model: null, paper: PAPER_SCALE.scale, reference: REFERENCE_REPRODUCTION_SCALE.scale }[event.target.value] ?? null })
            }
          >
            <option value="model">{fixedScale !== null ? `the cache's own (${REFERENCE_REPRODUCTION_SCALE.label})` : "the model's own (CLIP: 100)"}</option>
            <option value="paper">{PAPER_SCALE.label}</option>
            <option value="reference">{REFERENCE_REPRODUCTION_SCALE.label}</option>
          </select>
        </label>
        <label className="field">
          AP
          <select value={settings.convention} onChange={(event) => setSettings({ convention: event.target.value as typeof settings.convention })}>
            <option value="step">step-wise (sklearn)</option>
            <option value="voc07">VOC2007 11-point</option>
            <option value="voc10">VOC2010+ all-point</option>
          </select>
        </label>
        <label className="field">
          Difficult objects
          <select value={settings.difficult} onChange={(event) => setSettings({ difficult: event.target.value === 'ignore' ? 'ignore' : 'positive' })}>
            <option value="positive">count as positives</option>
            <option value="ignore">ignored (VOC devkit)</option>
          </select>
        </label>
      </div>
      <table
        aria-label="mAP of the pseudo labels"
        // Which setting the numbers are for (the worker answers after the slider moved): read by `npm run bench`.
        data-evaluated={evaluation ? `${evaluation.settings.zeta},${evaluation.settings.lambda}` : ''}
      >
        <thead>
          <tr>
            <th scope="col">pseudo labels</th>
            <th scope="col">mAP %</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value === undefined ? '…' : value.toFixed(2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {evaluation && (
        <p className="muted">
          {evaluation.images} images · {settings.convention} AP · difficult counted as {settings.difficult} · recomputed in{' '}
          {evaluation.elapsedMs.toFixed(0)} ms without the image encoder
          {evaluation.classesWithoutPositives.length > 0 && ` · no AP (no positive): ${evaluation.classesWithoutPositives.join(', ')}`}
        </p>
      )}
      {fixedScale !== null && (
        <p id="fixed-temperature" className="muted">
          A reference cache stores scores, not embeddings: its temperature and prompts are the ones it was made with.
        </p>
      )}
      {evaluationError && (
        <p className="banner error" role="alert">
          Not evaluated at this setting: {evaluationError}.
        </p>
      )}
      {dataset && fixedScale === null && <PromptEditor client={client} classes={dataset.classes} />}
      <ExportPanel client={client} choices={[{ label: 'the workspace setting', settings }]} headingLevel={3} />
    </section>
  );
}
