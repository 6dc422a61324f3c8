/**
 * A folder chosen with `<input webkitdirectory>` as the workers see it: the paths, and file contents
 * on request. The page keeps the File objects and reads them itself (worker/clients/file-list-server.ts);
 * a worker, however nested (the prepare workers are the pipeline worker's), asks for the contents of
 * the files it reads over a BroadcastChannel (worker/file-sources/served-file-list-source.ts).
 * Measured in Chromium on a VOC folder with its reference caches (74,000 files): posting every File
 * to the worker took 13–17 s before it could list a folder (Chromium registers each File's blob in
 * the receiving thread), and a File posted then read in the worker ~2 ms; read on the page and sent
 * as bytes, 0.27 ms.
 */
export interface FileListRef {
  /** Unique per chosen folder and page. */
  readonly id: string;
  /** Each file's path (`webkitRelativePath`, or its name for a plain pick), as chosen. */
  readonly paths: readonly string[];
  /**
   * Each file's size and lastModified (ms), aligned with `paths`: an image overwritten on disk and
   * chosen again is told apart from the one encoded before (absent in lists made before they were sent).
   */
  readonly sizes?: readonly number[];
  readonly lastModified?: readonly number[];
}

/** Where requests go; every page that serves lists listens, the one holding the list answers. */
export const FILE_LIST_REQUESTS = 'cdul-file-lists';

export interface FileListRequest {
  readonly listId: string;
  readonly requestId: number;
  /** The channel the asking thread listens on (one per thread, so no other thread receives the bytes). */
  readonly replyTo: string;
  /** Indices into the list's `paths`. */
  readonly indices: readonly number[];
}

/** Each file's bytes in the order asked for, or why it could not be read (a short message). */
export interface FileListAnswer {
  readonly requestId: number;
  readonly contents: readonly (ArrayBuffer | string)[];
}
