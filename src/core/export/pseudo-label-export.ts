import { strToU8, zipSync } from 'fflate';
import type { LabSettings } from '../evaluation/lab-settings';
import { PSEUDO_LABEL_MODES, type ByMode, type PseudoLabelMode } from '../evaluation/pseudo-label-modes';

/**
 * Pure formatters of the lab's exports (issue 5 item 6): pseudo labels as CSV, JSON and VOC-style
 * `<class>_<split>.txt`, and the evaluation report. The page only turns their output into downloads.
 */

/** Pseudo labels of one mode: scores [images × classes] row-major. */
export interface PseudoLabelTable {
  readonly ids: readonly string[];
  readonly classes: readonly string[];
  readonly scores: Float32Array;
}

/** Digits of every exported score: float32 holds ~7 significant digits; 6 decimals is what users read. */
export const SCORE_DIGITS = 6;

export const formatScore = (score: number): string => score.toFixed(SCORE_DIGITS);

function checkTable(table: PseudoLabelTable): void {
  if (table.scores.length !== table.ids.length * table.classes.length) {
    throw new RangeError(`expected ${table.ids.length}×${table.classes.length} scores, got ${table.scores.length}`);
  }
}

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** `image_id,<class>,…` then one row per image, scores with SCORE_DIGITS decimals; CRLF-free, ends with \n. */
export function pseudoLabelsCsv(table: PseudoLabelTable): string {
  checkTable(table);
  const cols = table.classes.length;
  const lines = [['image_id', ...table.classes].map(csvField).join(',')];
  table.ids.forEach((id, row) => {
    const cells = [csvField(id)];
    for (let c = 0; c < cols; c++) cells.push(formatScore(table.scores[row * cols + c]!));
    lines.push(cells.join(','));
  });
  return `${lines.join('\n')}\n`;
}

export interface ExportContext {
  readonly dataset: string;
  readonly split: string | null;
  readonly model: string;
  readonly runKey: string;
  /** Prompts in force, one per class (they change every score). */
  readonly prompts: readonly string[] | null;
  /** ISO time of the export. */
  readonly exportedAt: string;
}

/** The pseudo labels as JSON: settings, context and per image a class → score map (full float32 precision). */
export function pseudoLabelsJson(table: PseudoLabelTable, mode: PseudoLabelMode, settings: LabSettings, context: ExportContext): string {
  checkTable(table);
  const cols = table.classes.length;
  const images = table.ids.map((id, row) => ({
    id,
    scores: Object.fromEntries(table.classes.map((name, c) => [name, table.scores[row * cols + c]!])),
  }));
  return `${JSON.stringify({ format: 'cdul-pseudo-labels', version: 1, mode, settings: settingsRecord(settings), ...context, classes: table.classes, images }, null, 2)}\n`;
}

/**
 * VOC-style result files, one per class: `<class>_<split>.txt` with `<image id> <score>` lines in split
 * order (the devkit's classification results format).
 */
export function vocClassFiles(table: PseudoLabelTable, split: string): { readonly name: string; readonly text: string }[] {
  checkTable(table);
  const cols = table.classes.length;
  return table.classes.map((name, c) => ({
    name: `${name}_${split}.txt`,
    text: table.ids.map((id, row) => `${id} ${formatScore(table.scores[row * cols + c]!)}\n`).join(''),
  }));
}

/** The VOC files in one zip (at its root), so a user gets one download, not one per class. */
export function vocClassFilesZip(table: PseudoLabelTable, split: string): Uint8Array {
  const entries = Object.fromEntries(vocClassFiles(table, split).map((file) => [file.name, strToU8(file.text)]));
  return zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}

/** The part of an evaluation the report reads (MeanApResult satisfies it). */
export interface ReportEvaluation {
  readonly mAP: number;
  readonly evaluatedClasses: number;
  readonly classesWithoutPositives: readonly string[];
  readonly perClass: readonly { readonly className: string; readonly ap: number | null; readonly positives: number; readonly negatives: number; readonly ignored: number }[];
}

/**
 * The evaluation report: settings, dataset, model, run key and, for each mode, mAP and per-class AP (percent,
 * rounded to 4 decimals; null for a class without positives).
 */
export function evaluationReportJson(
  results: ByMode<ReportEvaluation>,
  settings: LabSettings,
  context: ExportContext & { readonly images: number },
): string {
  const round = (value: number) => Number(value.toFixed(4));
  const modes = Object.fromEntries(
    PSEUDO_LABEL_MODES.map((mode) => {
      const result = results[mode];
      return [
        mode,
        {
          mAP: round(result.mAP),
          evaluatedClasses: result.evaluatedClasses,
          classesWithoutPositives: result.classesWithoutPositives,
          ap: Object.fromEntries(result.perClass.map((entry) => [entry.className, entry.ap === null ? null : round(entry.ap)])),
          positives: Object.fromEntries(result.perClass.map((entry) => [entry.className, entry.positives])),
        },
      ];
    }),
  );
  return `${JSON.stringify({ format: 'cdul-evaluation-report', version: 1, settings: settingsRecord(settings), ...context, modes }, null, 2)}\n`;
}

function settingsRecord(settings: LabSettings) {
  return {
    zeta: settings.zeta,
    lambda: settings.lambda,
    scale: settings.scale,
    scaleMeaning: settings.scale === null ? "the model's own logit scale" : `softmax(${settings.scale} · cos)`,
    apConvention: settings.convention,
    difficult: settings.difficult,
  };
}
