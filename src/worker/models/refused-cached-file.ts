import { DataError } from '../../core/data-error';
import type { DamagedCacheFile, ModelRef } from '../protocol/pipeline-protocol';
import type { ModelFiles } from './model-files';

/**
 * The stored file a model's load failure names — a DataError on "<model id>/<path>" (onnxruntime's
 * refusal, a JSON file that does not parse) for a path read from the browser's model cache — or null:
 * another kind of failure, a file downloaded just now, or the user's own files.
 */
export function cachedFileRefused(ref: ModelRef, files: ModelFiles, error: unknown): DamagedCacheFile | null {
  if (ref.kind !== 'catalog' || !(error instanceof DataError)) return null;
  const prefix = `${ref.id}/`;
  const path = error.file.startsWith(prefix) ? error.file.slice(prefix.length) : null;
  return path !== null && files.fromCache.has(path) ? { path, problem: error.problem } : null;
}
