/**
 * An in-memory folder tree over a flat list of file paths: what a `webkitdirectory` FileList and an
 * HTTP `files.json` give. Only names are held (and one value per file, e.g. its File object), never
 * contents. Built with a few string operations per path and no per-path arrays or tuples, because
 * VOC trainval is 23,080 files and the user is waiting for the folder to open.
 */
export interface PathIndex<T> {
  readonly fileCount: number;
  /** The value stored for a file (undefined when there is none); keys as from `pathKey`. */
  file(key: string): T | undefined;
  isDir(key: string): boolean;
  /** Sorted names; [] for a folder that is not there. */
  listFiles(dirKey: string): string[];
  listDirs(dirKey: string): string[];
}

interface Folder {
  readonly files: string[];
  readonly dirs: string[];
  /** Listings are sorted once, on first use: most folders are never listed. */
  sorted: boolean;
}

/**
 * `keys[i].slice(skip)` is where `values[i]` sits; keys as from `pathKey` (source-paths.ts), '' for
 * none. `skip` drops a common top folder without a copy of every key. A repeated key is listed once
 * and keeps its last value (neither a FileList nor files.json repeats a path).
 */
export function buildPathIndex<T>(
  keys: readonly string[],
  values: ArrayLike<T>,
  skip = 0,
): PathIndex<T> {
  const files = new Map<string, T>();
  const folders = new Map<string, Folder>([['', { files: [], dirs: [], sorted: false }]]);

  // The folder at `key`; the first time a folder is seen, its name is added to its parent's.
  const folderAt = (key: string): Folder => {
    let folder = folders.get(key);
    if (folder === undefined) {
      folder = { files: [], dirs: [], sorted: false };
      folders.set(key, folder);
      const slash = key.lastIndexOf('/');
      folderAt(slash < 0 ? '' : key.slice(0, slash)).dirs.push(key.slice(slash + 1));
    }
    return folder;
  };

  // Files of one folder usually come together: remembering the last folder saves most lookups.
  let lastDir = '';
  let last = folderAt('');
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!.slice(skip);
    const before = files.size;
    if (key === '' || files.set(key, values[i]!).size === before) continue;
    const slash = key.lastIndexOf('/');
    const dir = slash < 0 ? '' : key.slice(0, slash);
    if (dir !== lastDir) {
      last = folderAt(dir);
      lastDir = dir;
    }
    last.files.push(key.slice(slash + 1));
  }

  const listing = (dirKey: string): Folder | undefined => {
    const folder = folders.get(dirKey);
    if (folder !== undefined && !folder.sorted) {
      folder.files.sort();
      folder.dirs.sort();
      folder.sorted = true;
    }
    return folder;
  };

  return {
    fileCount: files.size,
    file: (key) => files.get(key),
    isDir: (key) => folders.has(key),
    listFiles: (dirKey) => [...(listing(dirKey)?.files ?? [])],
    listDirs: (dirKey) => [...(listing(dirKey)?.dirs ?? [])],
  };
}
