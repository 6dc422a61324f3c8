import { readFile } from 'node:fs/promises';
import { DataError } from '../core/data-error';
import { DATASET_FORMATS, type DatasetFormat } from '../core/datasets/multi-label-dataset';
import { openDataset, type OpenedDataset } from '../core/datasets/open-dataset';
import { parseClassList } from '../core/folder/class-list';
import type { DifficultPolicy } from '../core/types';
import { createNodeFileSource } from './node-file-source';
import { parseChoice } from './option-parsers';
import { UsageError } from './usage-error';

/** The options every command that reads a dataset takes (parseArgs' option table). */
export const DATASET_OPTIONS = {
  dataset: { type: 'string' },
  voc: { type: 'string' },
  format: { type: 'string', default: 'auto' },
  classes: { type: 'string' },
  crowd: { type: 'string', default: 'positive' },
} as const;

export const DATASET_USAGE_LINES = `--dataset DIR [--format auto|voc|coco|nus-wide|folder] [--classes FILE] [--crowd positive|ignore]
  (--voc DIR is --dataset DIR --format voc; --classes: a class list for a plain folder, one per line,
  optionally name<TAB>prompt name; --crowd: COCO iscrowd instances count as positive or are ignored)`;

export interface DatasetChoice {
  readonly dir: string;
  readonly format: DatasetFormat | 'auto';
  readonly classesFile: string | null;
  readonly crowd: 'positive' | 'ignore';
}

/** `--dataset DIR` (or its alias `--voc DIR`, which also means `--format voc`) and the layout options. */
export function parseDatasetChoice(values: { dataset?: string; voc?: string; format?: string; classes?: string; crowd?: string }): DatasetChoice {
  if (values.dataset !== undefined && values.voc !== undefined) throw new UsageError('give --dataset or --voc, not both');
  const dir = values.dataset ?? values.voc;
  if (dir === undefined || dir === '') throw new UsageError('missing --dataset DIR');
  const format = values.voc !== undefined ? 'voc' : parseChoice(values.format ?? 'auto', 'format', ['auto', ...DATASET_FORMATS]);
  return {
    dir,
    format,
    classesFile: values.classes ?? null,
    crowd: parseChoice(values.crowd ?? 'positive', 'crowd', ['positive', 'ignore']),
  };
}

/** Opens the chosen dataset's split through the core's one interface. */
export async function openCliDataset(choice: DatasetChoice, split: string | null, difficult?: DifficultPolicy): Promise<OpenedDataset> {
  const classes = choice.classesFile === null ? undefined : await readClassFile(choice.classesFile);
  return openDataset(createNodeFileSource(choice.dir), { format: choice.format, split: split ?? undefined, difficult, crowd: choice.crowd, classes });
}

async function readClassFile(path: string) {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new DataError(path, `cannot read the class list (${error instanceof Error ? error.message : String(error)})`);
  });
  return parseClassList(text, path);
}
