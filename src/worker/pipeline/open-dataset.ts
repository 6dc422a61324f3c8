import type { FileSource } from '../../core/dataset-source';
import { openDataset, type OpenDatasetOptions, type OpenedDataset } from '../../core/datasets/open-dataset';
import { subSource } from '../../core/datasets/sub-source';
import { createDirectoryHandleSource, createHttpIndexSource, createServedFileListSource } from '../file-sources';
import type { DatasetChoice, DatasetRef } from '../protocol/pipeline-protocol';

/** What the user chose (a URL, a directory handle, a folder's files) as a source of files. */
export function sourceOfRef(ref: DatasetRef): FileSource {
  switch (ref.kind) {
    case 'http':
      return createHttpIndexSource(ref.url);
    case 'directory':
      return createDirectoryHandleSource(ref.handle);
    case 'files':
      return createServedFileListSource(ref.list);
  }
}

/** The dataset in what the user chose, in the layout detected (or asked for), at one split. */
export function openRefDataset(ref: DatasetRef, choice: DatasetChoice, options: Pick<OpenDatasetOptions, 'split' | 'onStage' | 'onProgress'> = {}): Promise<OpenedDataset> {
  return openDataset(sourceOfRef(ref), { ...datasetOptions(choice), ...options });
}

/** The dataset's root inside what the user chose (OpenedDataset.path), for threads that open the reference themselves. */
export function openRefRoot(ref: DatasetRef, path: string): FileSource {
  return subSource(sourceOfRef(ref), path);
}

/** The choice as the core's options (the lab's "auto" and a typed class list). */
export function datasetOptions(choice: DatasetChoice): OpenDatasetOptions {
  return {
    format: choice.format ?? 'auto',
    ...(choice.classes?.length ? { classes: choice.classes } : {}),
    ...(choice.crowd ? { crowd: choice.crowd } : {}),
  };
}
