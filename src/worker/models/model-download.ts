import { runAbortablePool } from './abortable-pool';
import type { DamagedCacheFile, DownloadProgress } from '../protocol/pipeline-protocol';
import { RECORDED_BYTES_HEADER } from './cached-file-check';
import { readCachedFiles } from './cached-model-files';
import { DownloadProgressTracker } from './download-progress';
import { fetchModelFile } from './fetch-model-file';
import { modelFilesOf, type CatalogFile, type ModelCatalogEntry, type ModelVariant } from '../../core/clip/model-catalog';
import { modelFileUrl } from './model-file-url';
import { openModelCache } from './model-cache';
import { ModelFiles } from './model-files';

export type { DownloadProgress } from '../protocol/pipeline-protocol';
export { ModelDownloadError } from './fetch-model-file';
export { ModelFiles } from './model-files';

export interface DownloadOptions {
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** Cancels every request; the promise then rejects with the signal's reason (an AbortError by default). */
  readonly signal?: AbortSignal;
  /** A server in the hub layout instead of the default (huggingface.co, or the app itself for its own models). */
  readonly baseUrl?: string;
  /** Files in flight at once: a few overlap the latency of the small files with the big ones. */
  readonly concurrency?: number;
  /** Stored files a previous load could not read (a damaged copy of the right size): deleted and downloaded. */
  readonly damaged?: readonly DamagedCacheFile[];
  /** Files an earlier attempt of the same load deleted and downloaded again: only named with the progress. */
  readonly repairedEarlier?: readonly DamagedCacheFile[];
}

/** Progress is published at most this often (and always when a file starts or ends): a worker posts each one. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Loads every file of one variant of a catalog model: from Cache Storage where a complete copy is
 * stored, else over the network (then stored for next time). Files are stored one by one as they
 * complete, so an interrupted download resumes with the files it already had and never leaves a
 * truncated one behind.
 */
export async function downloadModel(
  entry: ModelCatalogEntry,
  variant: ModelVariant,
  options: DownloadOptions = {},
): Promise<ModelFiles> {
  const { signal, baseUrl, onProgress } = options;
  signal?.throwIfAborted();
  const files = modelFilesOf(entry, variant);
  const urlOf = (file: CatalogFile) => modelFileUrl(entry, file.path, baseUrl);
  const cache = await openModelCache();
  const { bodies: cached, damaged } = await readCachedFiles(cache, entry, files, files.map(urlOf), options.damaged);

  const tracker = new DownloadProgressTracker(files, cached.every((body) => body !== null));
  for (const file of [...(options.repairedEarlier ?? []), ...damaged]) tracker.foundDamaged(file);
  const publish = progressPublisher(tracker, onProgress);
  const buffers = new Map<string, ArrayBuffer>();
  const notes: string[] = [];
  if (!cache) notes.push('Cache Storage is unavailable here (it needs https or localhost): the model is not kept.');

  publish(true);
  for (const [index, file] of files.entries()) {
    const body = cached[index];
    if (!body) continue;
    buffers.set(file.path, body);
    tracker.servedFromCache(file.path, body.byteLength);
    publish(true);
  }

  const missing = files.filter((file) => !buffers.has(file.path));
  await runAbortablePool(missing, options.concurrency ?? 3, signal, async (file, poolSignal) => {
    const url = urlOf(file);
    const buffer = await fetchModelFile(url, file.path, poolSignal, {
      onResponse: (contentLength) => {
        tracker.responseStarted(file.path, contentLength);
        publish(true);
      },
      onChunk: (bytes) => {
        tracker.received(file.path, bytes);
        publish(false);
      },
    });
    const problem = cache ? await store(cache, url, buffer) : null;
    if (problem) notes.push(`${file.path} is not kept for next time: ${problem}`);
    buffers.set(file.path, buffer);
    tracker.fileDone(file.path);
    publish(true);
  });
  // Catalog order, whatever order the files completed in.
  const fromCache = new Set(files.filter((_, index) => cached[index]).map((file) => file.path));
  return new ModelFiles(variant, new Map(files.map((file) => [file.path, buffers.get(file.path)!])), notes, fromCache);
}

/**
 * Stores a complete file with its size beside it (cached-file-check.ts tells a copy cut short from the
 * file by it); a full disk (QuotaExceededError) costs the next load a download, not this one. */
async function store(cache: Cache, url: string, buffer: ArrayBuffer): Promise<string | null> {
  try {
    const headers = { 'Content-Type': 'application/octet-stream', [RECORDED_BYTES_HEADER]: String(buffer.byteLength) };
    await cache.put(url, new Response(buffer, { headers }));
    return null;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

function progressPublisher(tracker: DownloadProgressTracker, onProgress: DownloadOptions['onProgress']) {
  let last = -Infinity;
  return (force: boolean): void => {
    if (!onProgress) return;
    const now = performance.now();
    if (!force && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    onProgress(tracker.snapshot());
  };
}
