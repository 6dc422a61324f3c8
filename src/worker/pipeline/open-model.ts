import { DataError } from '../../core/data-error';
import type { DamagedCacheFile, DownloadProgress, ExecutionProvider } from '../protocol/pipeline-protocol';
import { modelFilesFromLocal, readLocalModelFiles } from '../models/local-model-files';
import { catalogEntry } from '../../core/clip/model-catalog';
import { downloadModel, type DownloadOptions } from '../models/model-download';
import type { ModelFiles } from '../models/model-files';
import type { ModelRef } from '../protocol/pipeline-protocol';
import { loadWebClipModel, type WebClipModel } from '../inference/web-clip-model';
import { cachedFileRefused } from '../models/refused-cached-file';

type OnProgress = (progress: DownloadProgress) => void;
type Repair = Pick<DownloadOptions, 'damaged' | 'repairedEarlier'>;

/**
 * A model's files by hub-layout path: a catalog model is downloaded (or taken from the browser's model
 * cache, with no request) with one aggregate progress; picked files are mapped to the hub layout.
 * `repair`: stored files an earlier attempt could not load (deleted from the cache and downloaded again)
 * and those repaired before them (named with the progress only).
 */
export async function openModelFiles(ref: ModelRef, onProgress: OnProgress, repair: Repair = {}): Promise<ModelFiles> {
  if (ref.kind === 'files') {
    const selection = modelFilesFromLocal(ref.files);
    if (selection.problem) throw new DataError(ref.id, selection.problem);
    return readLocalModelFiles(selection);
  }
  return downloadModel(catalogEntry(ref.id), ref.variant, { onProgress, ...(ref.baseUrl ? { baseUrl: ref.baseUrl } : {}), ...repair });
}

/**
 * The model's files and its sessions. A stored file of the right size can still be damaged (a disk
 * error): when onnxruntime or the JSON parser refuses a file that came from the browser's model cache,
 * that copy is deleted and downloaded once more — each file once: a fresh download that fails again
 * is the model's own problem, reported as such, so this ends after at most one attempt per file.
 * (A session that fails for another reason, e.g. an operator the backend lacks, is also downloaded
 * once more: onnxruntime's wording does not tell a damaged file apart.)
 */
export async function openClipModel(
  ref: ModelRef,
  provider: ExecutionProvider,
  onProgress: OnProgress,
): Promise<{ readonly files: ModelFiles; readonly model: WebClipModel }> {
  let files = await openModelFiles(ref, onProgress);
  const repaired: DamagedCacheFile[] = [];
  for (;;) {
    try {
      return { files, model: await loadWebClipModel(ref.id, files, provider) };
    } catch (error) {
      const damaged = cachedFileRefused(ref, files, error);
      if (!damaged || repaired.some((file) => file.path === damaged.path)) throw error;
      files = await openModelFiles(ref, onProgress, { damaged: [damaged], repairedEarlier: [...repaired] });
      repaired.push(damaged);
    }
  }
}
