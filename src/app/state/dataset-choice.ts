import { DataError } from '../../core/data-error';
import type { DatasetClass, DatasetFormat } from '../../core/datasets/multi-label-dataset';
import { typedClassList } from '../../core/folder/class-list';
import type { DatasetChoice } from '../../worker/protocol/pipeline-protocol';

/** How the next run reads the chosen folder, as the dataset panel's form holds it (persisted with the selection). */
export interface DatasetForm {
  /** 'auto': detected (VOC, COCO, NUS-WIDE, then a folder with classes.txt). */
  readonly format: DatasetFormat | 'auto';
  /** COCO: crowd annotations counted positive (the literature's default) or ignored. */
  readonly crowd: 'positive' | 'ignore';
  /**
   * A class list typed in the lab, as typed (one class per line, optional `name<TAB>prompt text`):
   * for a plain folder of photos, used while not blank (it replaces the folder's classes.txt).
   */
  readonly classList: string;
}

export const DEFAULT_DATASET_FORM: DatasetForm = { format: 'auto', crowd: 'positive', classList: '' };

/** The typed class list read as `classes.txt` is (core/folder/class-list), or why it cannot be. */
export type TypedClasses =
  | { readonly kind: 'none' }
  | { readonly kind: 'classes'; readonly classes: readonly DatasetClass[] }
  | { readonly kind: 'invalid'; readonly problem: string };

/** Blank or comments only: no typed list (the folder's classes.txt is read). */
const isBlank = (text: string): boolean => text.split(/\r?\n/).every((line) => line.trim() === '' || line.trim().startsWith('#'));

export function readTypedClasses(text: string): TypedClasses {
  if (isBlank(text)) return { kind: 'none' };
  try {
    return { kind: 'classes', classes: typedClassList(text) };
  } catch (error) {
    if (error instanceof DataError) return { kind: 'invalid', problem: error.message };
    throw error;
  }
}

/** What a run request says of the form: the format, the crowd policy, and the typed classes when there are valid ones. */
export function datasetChoiceOf(form: DatasetForm): DatasetChoice {
  const typed = readTypedClasses(form.classList);
  return { format: form.format, crowd: form.crowd, classes: typed.kind === 'classes' ? typed.classes : null };
}

export const FORMAT_LABELS: Readonly<Record<DatasetForm['format'], string>> = {
  auto: 'Auto-detect',
  voc: 'PASCAL VOC',
  coco: 'COCO',
  'nus-wide': 'NUS-WIDE',
  folder: 'Plain folder + classes',
};
