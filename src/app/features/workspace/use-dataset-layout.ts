import { useQuery } from '@tanstack/react-query';
import type { LayoutFacts } from '../../../core/datasets/layout-splits';
import { readTypedClasses, type DatasetForm } from '../../state/dataset-choice';
import { useLabServices } from '../../state/lab-services';
import { useLabStore } from '../../state/lab-store';
import { datasetLayoutOptions } from '../../state/queries';

/** What the workspace knows of the chosen folder before a run: its layout and splits (undefined while asked). */
export interface DatasetLayoutState {
  /** undefined: not known yet (asking, or the worker could not tell); null: no layout found. */
  readonly layout: LayoutFacts | null | undefined;
  /** The typed class list is what the run reads the folder with (a plain folder, or no layout found). */
  readonly classListInUse: boolean;
  /** Why the run cannot start yet (the typed class list does not parse); null when it can. */
  readonly classListProblem: string | null;
}

/** Whether the typed class list is the one the run reads: a plain folder asked for, or detected (or nothing else found). */
export function classListInUse(form: DatasetForm, layout: LayoutFacts | null | undefined): boolean {
  if (form.format === 'folder') return true;
  if (form.format !== 'auto') return false;
  return layout === null || layout?.format === 'folder';
}

export function useDatasetLayout(): DatasetLayoutState {
  const { client } = useLabServices();
  const { dataset, datasetForm } = useLabStore((state) => state.selection);
  const { data } = useQuery(datasetLayoutOptions(client, dataset, datasetForm.format));
  const inUse = classListInUse(datasetForm, data);
  const typed = readTypedClasses(datasetForm.classList);
  return { layout: data, classListInUse: inUse, classListProblem: inUse && typed.kind === 'invalid' ? typed.problem : null };
}
