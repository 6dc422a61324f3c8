/**
 * Test-only module worker (e2e/file-sources.spec.ts): given a folder handle, a list of Files and a
 * URL, as the browser pipeline's worker will be, it builds each adapter here, off the main thread, and
 * runs the VOC reader through it. Proves handles and Files survive structured cloning intact.
 */
import { loadVocDataset, type LoadVocOptions } from '../../../core/voc';
import type { FileSource } from '../../../core/dataset-source';
import { createDirectoryHandleSource } from '../directory-handle-source';
import { createFileListSource } from '../file-list-source';
import { detectLayout } from '../../../core/datasets/detect-layout';
import { createHttpIndexSource } from '../http-index-source';

export interface LoadRequest {
  readonly handle: FileSystemDirectoryHandle;
  readonly files: ArrayLike<File>;
  readonly url: string;
}

export interface LoadedSummary {
  readonly adapter: string;
  readonly root: string;
  readonly rootPath: string | null;
  readonly images: number;
  readonly classes: number;
  readonly skipped: number;
}

async function summarize(
  adapter: string,
  picked: FileSource,
  options: LoadVocOptions,
): Promise<LoadedSummary> {
  const found = await detectLayout(picked, 'voc');
  const { root, ids, classes, skipped } = await loadVocDataset(found?.source ?? picked, options);
  return {
    adapter,
    root,
    rootPath: found?.path ?? null,
    images: ids.length,
    classes: classes.length,
    skipped: skipped.length,
  };
}

// The DOM lib types `postMessage` as the window's (with a target origin); this is a worker's.
const reply = (message: LoadedSummary[] | { error: string }): void =>
  (globalThis as unknown as { postMessage(message: unknown): void }).postMessage(message);

addEventListener('message', (event: MessageEvent<LoadRequest>) => {
  const { handle, files, url } = event.data;
  Promise.all([
    summarize('directory handle', createDirectoryHandleSource(handle), {}),
    summarize('file list', createFileListSource(files), {}),
    summarize('http index', createHttpIndexSource(url), { split: 'val' }),
  ]).then(reply, (error: unknown) => reply({ error: String(error) }));
});
