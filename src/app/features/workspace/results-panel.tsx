import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../../core/cdul/temperature';
import { PSEUDO_LABEL_MODES } from '../../../core/evaluation/pseudo-label-modes';
import { ExportPanel } from '../../components/export/export-panel';
import { useLabStore } from '../../state/lab-store';
import { useRunStatus, useUnlabelled } from '../../state/run-status-store';
import { useLabQuery } from '../../state/use-lab-query';
import { PromptEditor } from './prompt-editor';
import { UnlabelledResults } from './unlabelled-results';

/**
 * The finished run's pseudo labels at the workspace's setting: the settings, the mAPs (without ground
 * truth: what the labels say at the gallery's cut, and no AP settings), the prompts and the export.
 */
export function ResultsPanel() {
  const { phase, dataset, fixedScale } = useRunStatus();
  const unlabelled = useUnlabelled();
  const settings = useLabStore((state) => state.settings);
  const setSettings = useLabStore((state) => state.setSettings);
  // Asked again for every setting and prompt set (the query's key); the last answer stays shown meanwhile.
  const summary = useLabQuery(phase === 'complete' ? { kind: 'summary', settings } : null);
  const evaluation = summary.data ?? null;
  const evaluationError = summary.isError ? summary.error.message : null;
  if (phase !== 'complete') return null;
  return (
    <section className="panel" aria-labelledby="results-heading">
      <h2 id="results-heading" tabIndex={-1}>
        Pseudo labels
      </h2>
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
            aria-describedby={fixedScale !== null ? 'reference-cache-temperature' : undefined}
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
        {!unlabelled && (
          <>
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
          </>
        )}
      </div>
      {unlabelled || evaluation?.mAP === null ? (
        <UnlabelledResults />
      ) : (
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
            {PSEUDO_LABEL_MODES.map((mode) => (
              <tr key={mode}>
                <th scope="row">{mode}</th>
                <td>{evaluation?.mAP ? evaluation.mAP[mode].toFixed(2) : '…'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {evaluation && (
        <p className="muted">
          {evaluation.images} images ·{' '}
          {evaluation.mAP ? `${settings.convention} AP · difficult counted as ${settings.difficult}` : 'no ground truth'} · recomputed in{' '}
          {evaluation.elapsedMs.toFixed(0)} ms without the image encoder
          {evaluation.classesWithoutPositives.length > 0 && ` · no AP (no positive): ${evaluation.classesWithoutPositives.join(', ')}`}
        </p>
      )}
      {fixedScale !== null && (
        <p id="reference-cache-temperature" className="muted">
          On a reference cache the temperature applies to the global scores; the local (α/β) scores stay at the cache's own scale (
          {REFERENCE_REPRODUCTION_SCALE.label}): the cache keeps the global softmax, from which the cosines are recovered up to a constant
          per image, but only the max and min over snippets of the local ones. Its prompts are the ones it was made with.
        </p>
      )}
      {evaluationError && (
        <p className="banner error" role="alert">
          Not evaluated at this setting: {evaluationError}.
        </p>
      )}
      {dataset && fixedScale === null && <PromptEditor classes={dataset.classes} />}
      <ExportPanel choices={[{ label: 'the workspace setting', settings }]} headingLevel={3} />
    </section>
  );
}
