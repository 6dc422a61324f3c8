import { DataError } from '../../core/data-error';
import type { DownloadProgress } from '../protocol/pipeline-protocol';
import { modelFilesFromLocal, readLocalModelFiles } from '../models/local-model-files';
import { catalogEntry } from '../../core/clip/model-catalog';
import { downloadModel } from '../models/model-download';
import type { ModelFiles } from '../models/model-files';
import type { ModelRef } from '../protocol/pipeline-protocol';

/**
 * A model's files by hub-layout path: a catalog model is downloaded (or taken from the browser's model
 * cache, with no request) with one aggregate progress; picked files are mapped to the hub layout.
 */
export async function openModelFiles(ref: ModelRef, onProgress: (progress: DownloadProgress) => void): Promise<ModelFiles> {
  if (ref.kind === 'files') {
    const selection = modelFilesFromLocal(ref.files);
    if (selection.problem) throw new DataError(ref.id, selection.problem);
    return readLocalModelFiles(selection);
  }
  return downloadModel(catalogEntry(ref.id), ref.variant, { onProgress, ...(ref.baseUrl ? { baseUrl: ref.baseUrl } : {}) });
}
