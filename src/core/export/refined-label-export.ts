import { csvField, formatScore, type ExportContext } from './pseudo-label-export';
import { exportFileStem, trainingRunPart, type ExportedRun } from './export-file-name';

/**
 * Exports of a training run's refined pseudo labels: for every image and class, Y0 (the labels training
 * started from), the refined label y = σ(z) after training, and the ground truth when the dataset has one
 * (a plain folder of photos has none: the truth column and maps are left out and the JSON says so).
 * Pure formatters; the page only turns their output into downloads.
 */

/** Training's labels of a run's images, [images × classes] row-major in the run's image order. */
export interface RefinedLabelTable {
  readonly ids: readonly string[];
  readonly classes: readonly string[];
  /** Y0, the labels training started from. */
  readonly initial: Float32Array;
  /** y = σ(z) after training. */
  readonly refined: Float32Array;
  /** 1 positive, −1 negative, 0 difficult-only; null when the dataset has no ground truth. */
  readonly truth: Int8Array | null;
}

/** The training run the labels come from. */
export interface RefinedLabelRun {
  readonly id: string;
  /** As the training view names it, e.g. `#3` or `sweep 1 · 2/4`. */
  readonly name: string;
  /** The epoch whose checkpoint gave the refined labels. */
  readonly epoch: number;
}

/** The meaning of the truth values in both formats. */
export const TRUTH_MEANING = '1 positive, -1 negative, 0 difficult-only';

/** What the JSON says in place of the truth's meaning when the dataset has no ground truth. */
export const NO_TRUTH_MEANING = 'none: this dataset has no ground truth (a folder of photos with a class list)';

/**
 * The file name stem of a training run's refined labels: the run of images it was trained on, then the
 * training run and epoch, e.g. `cdul-voc-demo-val-demo-clip-grid3-refined-run3-epoch12` for run `#3`.
 */
export function refinedFileStem(images: ExportedRun, run: Pick<RefinedLabelRun, 'name' | 'epoch'>): string {
  return exportFileStem(images, 'refined', trainingRunPart(run.name), `epoch${run.epoch}`);
}

function checkTable(table: RefinedLabelTable): void {
  const size = table.ids.length * table.classes.length;
  const arrays: [string, ArrayLike<number> | null][] = [
    ['Y0', table.initial],
    ['refined', table.refined],
    ['truth', table.truth],
  ];
  for (const [what, values] of arrays) {
    if (values && values.length !== size) throw new RangeError(`expected ${table.ids.length}×${table.classes.length} ${what} values, got ${values.length}`);
  }
}

/**
 * One row per (image, class) in the run's image order, classes in dataset order:
 * `image_id,class,y0,refined,truth`; scores with SCORE_DIGITS decimals, truth 1 / -1 / 0; ends with \n.
 * Without ground truth the `truth` column is left out.
 */
export function refinedLabelsCsv(table: RefinedLabelTable): string {
  checkTable(table);
  const cols = table.classes.length;
  const truth = table.truth;
  const lines = [truth ? 'image_id,class,y0,refined,truth' : 'image_id,class,y0,refined'];
  table.ids.forEach((id, row) => {
    const image = csvField(id);
    for (let c = 0; c < cols; c++) {
      const i = row * cols + c;
      const cells = [image, csvField(table.classes[c]!), formatScore(table.initial[i]!), formatScore(table.refined[i]!)];
      if (truth) cells.push(String(truth[i]!));
      lines.push(cells.join(','));
    }
  });
  return `${lines.join('\n')}\n`;
}

/**
 * The refined labels as JSON: the training run (id, name, epoch), the export context (its `runKey` is the
 * pipeline run the labels belong to) and per image class → value maps of Y0, refined and truth (full
 * float32 precision).
 */
export function refinedLabelsJson(table: RefinedLabelTable, run: RefinedLabelRun, context: ExportContext): string {
  checkTable(table);
  const cols = table.classes.length;
  const row = (values: Float32Array | Int8Array, image: number) => Object.fromEntries(table.classes.map((name, c) => [name, values[image * cols + c]!]));
  const truth = table.truth;
  const images = table.ids.map((id, image) => ({
    id,
    y0: row(table.initial, image),
    refined: row(table.refined, image),
    ...(truth ? { truth: row(truth, image) } : {}),
  }));
  const body = {
    format: 'cdul-refined-labels',
    version: 1,
    trainingRun: { id: run.id, name: run.name, epoch: run.epoch },
    ...context,
    classes: table.classes,
    truthMeaning: truth ? TRUTH_MEANING : NO_TRUTH_MEANING,
    images,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
