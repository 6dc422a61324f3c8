import { useEffect, useState } from 'react';
import { PAPER_SCALE, REFERENCE_REPRODUCTION_SCALE } from '../../../core/cdul/temperature';
import type { LabSettings } from '../../../core/evaluation/lab-settings';
import { PSEUDO_LABEL_MODES, type PseudoLabelMode } from '../../../core/evaluation/pseudo-label-modes';
import { settingsFileStem } from '../../../core/export/export-file-name';
import { evaluationReportJson, pseudoLabelsCsv, pseudoLabelsJson, vocClassFilesZip, type ExportContext } from '../../../core/export/pseudo-label-export';
import { metricLabel, scaleLabel } from '../../../core/lab/compare';
import { download } from '../../lib/download';
import { useLabServices } from '../../state/lab-services';
import { useExportedRun } from '../../state/exported-run';
import { useRunStatus, useUnlabelled } from '../../state/run-status-store';
import './export.css';
import { RefinedExport } from './refined-export';

export interface ExportChoice {
  readonly label: string;
  readonly settings: LabSettings;
}

type ExportKind = 'csv' | 'json' | 'voc' | 'report';

/** The select lists the final labels first: what most exports want. */
const MODES: readonly PseudoLabelMode[] = [...PSEUDO_LABEL_MODES].reverse();

/**
 * Downloads of the finished run at one setting: pseudo labels (CSV, JSON, VOC `<class>_<split>.txt` in
 * one zip) and the evaluation report (JSON; not offered without ground truth: there is nothing to
 * evaluate against). With several `choices` (Compare's A and B) a select picks one.
 */
export function ExportPanel({ choices, headingLevel = 2 }: { choices: readonly ExportChoice[]; headingLevel?: 2 | 3 }) {
  const { client } = useLabServices();
  const [choiceIndex, setChoiceIndex] = useState(0);
  const [mode, setMode] = useState<PseudoLabelMode>('final');
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useRunStatus();
  const unlabelled = useUnlabelled();
  // Named after the run it exports, not the selection (which may have changed since).
  const exported = useExportedRun();
  const choice = choices[Math.min(choiceIndex, choices.length - 1)]!;
  const settings = choice.settings;
  const split = run.dataset?.split ?? 'all';
  // A saved file's name no longer describes what the buttons would save once the setting changes.
  useEffect(() => setDone(null), [settings]);

  const context = (): ExportContext => ({
    dataset: exported?.datasetLabel ?? '',
    split: run.dataset?.split ?? null,
    model: exported?.model ?? '',
    runKey: run.runKey ?? '',
    prompts: run.prompts?.prompts ?? null,
    exportedAt: new Date().toISOString(),
  });

  const save = async (kind: ExportKind) => {
    setBusy(kind);
    setError(null);
    setDone(null);
    try {
      if (!exported) throw new Error('no run is open');
      let name: string;
      if (kind === 'report') {
        const [{ results }, { images }] = await Promise.all([client.ask({ kind: 'evaluation', settings }), client.ask({ kind: 'summary', settings })]);
        name = `${settingsFileStem(exported, 'report', settings)}.json`;
        download(name, evaluationReportJson(results, settings, { ...context(), images }), 'application/json');
      } else {
        const scores = await client.ask({ kind: 'scores', settings });
        const table = { ids: scores.ids, classes: scores.classes, scores: scores.scores[mode] };
        const stem = settingsFileStem(exported, mode, settings);
        if (kind === 'csv') {
          name = `${stem}.csv`;
          download(name, pseudoLabelsCsv(table), 'text/csv');
        } else if (kind === 'json') {
          name = `${stem}.json`;
          download(name, pseudoLabelsJson(table, mode, settings, context()), 'application/json');
        } else {
          name = `${stem}-voc.zip`;
          download(name, vocClassFilesZip(table, split) as Uint8Array<ArrayBuffer>, 'application/zip');
        }
      }
      setDone(name);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const button = (kind: ExportKind, label: string) => (
    <button type="button" disabled={busy !== null} onClick={() => void save(kind)}>
      {busy === kind ? 'Preparing…' : label}
    </button>
  );
  return (
    <section className="export-panel" aria-label="Export">
      <Heading>Export</Heading>
      <div className="controls">
        {choices.length > 1 && (
          <label className="field">
            Setting to export
            <select value={choiceIndex} onChange={(event) => {
                setChoiceIndex(Number(event.target.value));
                setDone(null);
              }}>
              {choices.map((entry, index) => (
                <option key={entry.label} value={index}>
                  {entry.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          Pseudo labels to export
          <select value={mode} onChange={(event) => {
              setMode(event.target.value as PseudoLabelMode);
              setDone(null);
            }}>
            {MODES.map((entry) => (
              <option key={entry} value={entry}>
                {entry}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="export-buttons" role="group" aria-label="Downloads">
        {button('csv', 'Pseudo labels CSV')}
        {button('json', 'Pseudo labels JSON')}
        {button('voc', `VOC <class>_${split}.txt (zip)`)}
        {!unlabelled && button('report', 'Evaluation report JSON')}
      </div>
      <p className="muted export-note">
        At ζ {settings.zeta.toFixed(2)} · λ {settings.lambda.toFixed(2)} · temperature {scaleLabel(settings.scale, PAPER_SCALE.scale, REFERENCE_REPRODUCTION_SCALE.scale)};{' '}
        {unlabelled
          ? 'no evaluation report: this dataset has no ground truth (the label files hold the scores only, as for any dataset).'
          : `the report’s AP: ${metricLabel(settings.convention, settings.difficult)}.`}{' '}
        The VOC files come as one zip (one download, not one per class).
      </p>
      {exported && <RefinedExport context={context} run={exported} />}
      <p role="status" aria-label="Export status" className="muted">
        {done && `Saved ${done}`}
      </p>
      {error && (
        <p role="alert" className="banner error">
          The export failed: {error}. Run the initialization again if the run is gone, then retry.
        </p>
      )}
    </section>
  );
}
