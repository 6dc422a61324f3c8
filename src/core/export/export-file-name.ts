import type { LabSettings } from '../evaluation/lab-settings';
import { sha256Hex } from '../init-cache/run-key';
import { ALL_IMAGES } from '../voc';

/**
 * The names of the lab's downloads, a pure function of the run they export: every file name starts with
 * the dataset, split, model and snippet grid of that run, then says what it holds and at which setting,
 * so exports of two datasets (or models, or grids) never share a name. Only letters, digits, `.`, `_`
 * and `-` (safe on every filesystem and in a shell).
 */
export interface ExportedRun {
  /** A short name of the dataset, e.g. `voc-demo` or the folder's name. */
  readonly dataset: string;
  /** null: every annotated image. */
  readonly split: string | null;
  /** The run read only the split's first N images (absent or null: all of them). */
  readonly limit?: number | null;
  /** The model id, e.g. `demo-clip`, `Xenova/clip-vit-base-patch32`, `RN50x64`. */
  readonly model: string;
  /** N of the N×N snippet grid. */
  readonly grid: number;
}

/** The longest a single part may be: a folder name can be long, a file name should stay readable. */
const MAX_PART = 48;

/** One part of a file name: every run of other characters becomes one `-`, no leading or trailing `-` or `.`. */
export function fileNamePart(text: string): string {
  const part = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._]+/g, '-')
    .slice(0, MAX_PART)
    .replace(/^[-.]+|[-.]+$/g, '');
  return part === '' ? 'unnamed' : part;
}

/** `cdul-<dataset>-<split>[-first<N>]-<model>-grid<N>`, e.g. `cdul-voc-demo-val-demo-clip-grid3`. */
export function runFileStem(run: ExportedRun): string {
  const images = run.limit != null ? [`first${run.limit}`] : [];
  return ['cdul', fileNamePart(run.dataset), fileNamePart(run.split ?? 'all'), ...images, fileNamePart(run.model), `grid${run.grid}`].join('-');
}

/** The run's stem followed by `parts` (each made safe), e.g. `…-grid3-refined-run3-epoch12`. */
export function exportFileStem(run: ExportedRun, ...parts: readonly string[]): string {
  return [runFileStem(run), ...parts.map(fileNamePart)].join('-');
}

/**
 * The parts that name a setting: ζ and λ with two decimals and the AP convention; a non-default
 * temperature adds `scale100` / `scale0.217`, difficult-ignored `difficult-ignored`, a prompt template
 * of the setting's own `prompts-<8 hex>` (a hash: the template's text does not fit a file name).
 */
export function settingsNameParts(settings: LabSettings): string[] {
  const parts = [`zeta${settings.zeta.toFixed(2)}`, `lambda${settings.lambda.toFixed(2)}`, settings.convention];
  if (settings.scale !== null) parts.push(`scale${Number(settings.scale.toFixed(3))}`);
  if (settings.difficult === 'ignore') parts.push('difficult-ignored');
  if (settings.promptTemplate !== undefined) parts.push(`prompts-${sha256Hex(settings.promptTemplate).slice(0, 8)}`);
  return parts;
}

/**
 * The stem of an export at one setting, e.g. `cdul-voc-demo-val-demo-clip-grid3-final-zeta0.10-lambda0.00-step`.
 * A setting with a snippet grid of its own (Compare's other grid) names that grid, not the run's.
 */
export function settingsFileStem(run: ExportedRun, what: string, settings: LabSettings): string {
  return exportFileStem({ ...run, grid: settings.grid ?? run.grid }, what, ...settingsNameParts(settings));
}

/** A training run's name as a file-name part: `#3` → `run3`, `sweep 1 · 2/4` → `run-sweep-1-2-4`. */
export function trainingRunPart(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'run-unnamed' : /^\d/.test(slug) ? `run${slug}` : `run-${slug}`;
}

/**
 * A run's names read back from its store key (`<source>/split:…/model:…/pre:…/grid:…`, run-key.ts), for
 * a training run stored before its run's names were kept with it; the dataset is then the key's source
 * (`voc-3f2a9c01b7de`: the layout and the start of the files' fingerprint). null for another layout.
 */
export function exportedRunOfKey(key: string): ExportedRun | null {
  const parts = key.split('/');
  const value = (name: string) => parts.find((part) => part.startsWith(`${name}:`))?.slice(name.length + 1);
  const [split, model, grid] = [value('split'), value('model'), Number(value('grid'))];
  if (split === undefined || model === undefined || !Number.isInteger(grid) || parts.length < 5) return null;
  const decodedSplit = decodeURIComponent(split);
  return { dataset: parts[0]!.replace(':', '-'), split: decodedSplit === ALL_IMAGES ? null : decodedSplit, model: decodeURIComponent(model), grid };
}
