import { DataError } from '../../core/data-error';
import type { FileSource } from '../../core/dataset-source';
import { createDirectoryHandleSource, createHttpIndexSource, createServedFileListSource, findVocRoot } from '../file-sources';
import type { DatasetRef } from '../protocol/pipeline-protocol';

/** The VOC root inside whatever the user gave (the root itself, or VOCdevkit/ above it). */
export async function openDataset(ref: DatasetRef): Promise<FileSource> {
  const source = sourceOf(ref);
  const found = await findVocRoot(source);
  if (!found) {
    throw new DataError(ref.label, 'no PASCAL VOC folder here: expected Annotations/ and JPEGImages/ (in the folder or one or two levels down)');
  }
  return found.source;
}

function sourceOf(ref: DatasetRef): FileSource {
  switch (ref.kind) {
    case 'http':
      return createHttpIndexSource(ref.url);
    case 'directory':
      return createDirectoryHandleSource(ref.handle);
    case 'files':
      return createServedFileListSource(ref.list);
  }
}
