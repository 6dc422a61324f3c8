import { useQuery } from '@tanstack/react-query';
import type { LayoutFacts } from '../../core/datasets/layout-splits';
import { readTypedClasses, type DatasetForm } from './dataset-choice';
import { useLabServices } from './lab-services';
import { useLabStore } from './lab-store';
import { datasetLayoutOptions } from './queries';
import { missingSplit } from './split-choice';

/** What the lab knows of the chosen folder before a run: its layout, splits and contents (undefined while asked). */
export interface DatasetLayoutState {
  /** undefined: not known yet (asking, or the worker could not tell); null: no layout found. */
  readonly layout: LayoutFacts | null | undefined;
  /** The typed class list is what the run reads the folder with (a plain folder, or no layout found). */
  readonly classListInUse: boolean;
  /** Why a run of the selection cannot start yet (a class list that does not parse, a split the folder lacks), as a sentence; null when it can. */
  readonly runBlocked: string | null;
}

/** Whether the typed class list is the one the run reads: a plain folder asked for, or detected (or nothing else found). */
export function classListInUse(form: DatasetForm, layout: LayoutFacts | null | undefined): boolean {
  if (form.format === 'folder') return true;
  if (form.format !== 'auto') return false;
  return layout === null || layout?.format === 'folder';
}

export function useDatasetLayout(): DatasetLayoutState {
  const { client } = useLabServices();
  const { dataset, datasetForm, split } = useLabStore((state) => state.selection);
  const { data } = useQuery(datasetLayoutOptions(client, dataset, datasetForm.format));
  const inUse = classListInUse(datasetForm, data);
  const typed = readTypedClasses(datasetForm.classList);
  const splitProblem = missingSplit(split, data);
  const runBlocked =
    inUse && typed.kind === 'invalid'
      ? `The class list in the Dataset panel must be fixed first: ${typed.problem}`
      : splitProblem && `Choose another split in the Dataset panel: ${splitProblem}`;
  return { layout: data, classListInUse: inUse, runBlocked };
}
