/**
 * The one way the core reads a dataset: a read-only tree of files addressed by '/'-separated paths
 * relative to the dataset root. Adapters: Node `fs` (src/cli/node-file-source.ts) now; a browser
 * FileSystemDirectoryHandle and a `webkitdirectory` FileList later. Keeping it this small lets each
 * adapter stay lazy: nothing is read until asked for.
 */
export interface FileSource {
  /** A short human description of the root (a path, a folder name), used in messages. */
  readonly label: string;
  /** Names (not paths) of the files directly inside `dir`; [] when `dir` does not exist. */
  listFiles(dir: string): Promise<string[]>;
  /** Names of the sub-folders directly inside `dir`; [] when `dir` does not exist. */
  listDirs(dir: string): Promise<string[]>;
  exists(path: string): Promise<boolean>;
  /** Rejects with DataError naming the path when the file is missing or unreadable. */
  readBytes(path: string): Promise<Uint8Array>;
  readText(path: string): Promise<string>;
  /**
   * A file's size and modification time, when the source knows them cheaply (a picked folder's Files,
   * a folder handle's File, fs.stat): what tells an image edited in place from the one encoded before.
   * Null when this file's are unknown; the method is absent when the source never knows them (HTTP).
   */
  stamp?(path: string): Promise<FileStamp | null>;
}

/** What a file's size and `lastModified` (milliseconds since the epoch) say about its contents. */
export interface FileStamp {
  readonly size: number;
  readonly lastModified: number;
}

export function joinPath(...parts: string[]): string {
  return parts
    .filter((part) => part.length > 0)
    .join('/')
    .replace(/\/{2,}/g, '/');
}
