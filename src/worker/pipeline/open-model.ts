import { DataError } from '../../core/data-error';
import { modelFilesFromLocal, readLocalModelFiles } from '../models/local-model-files';
import { SHARED_MODEL_PATHS, towerPath } from '../models/model-catalog';
import { ModelFiles } from '../models/model-files';
import type { ModelRef } from '../protocol';

/** A model's files by hub-layout path, from a URL prefix (the app's own /models/…) or picked files. */
export async function openModelFiles(ref: ModelRef): Promise<ModelFiles> {
  if (ref.kind === 'files') {
    const selection = modelFilesFromLocal(ref.files);
    if (selection.problem) throw new DataError(ref.id, selection.problem);
    return readLocalModelFiles(selection);
  }
  return fetchModelFolder(ref.baseUrl);
}

async function fetchModelFolder(baseUrl: string): Promise<ModelFiles> {
  const paths = [towerPath('vision', 'fp32'), towerPath('text', 'fp32'), ...SHARED_MODEL_PATHS];
  const entries = await Promise.all(
    paths.map(async (path): Promise<[string, ArrayBuffer]> => {
      const url = `${baseUrl.replace(/\/$/, '')}/${path}`;
      const response = await fetch(url);
      if (!response.ok) throw new DataError(url, `could not be loaded (${response.status} ${response.statusText})`);
      return [path, await response.arrayBuffer()];
    }),
  );
  return new ModelFiles('fp32', new Map(entries));
}
