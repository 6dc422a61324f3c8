import { DataError } from '../../core/data-error';
import type { FileSource } from '../../core/dataset-source';
import { describeError, displayPath, pathSegments, readOrFail } from '../../core/datasets/source-paths';


/** Why a handle lookup failed, when the failure just means "not there (as that kind)". */
type Miss = 'missing' | 'wrong-kind';

function missOf(error: unknown): Miss | null {
  if (error instanceof DOMException) {
    if (error.name === 'NotFoundError') return 'missing';
    if (error.name === 'TypeMismatchError') return 'wrong-kind';
  }
  // The API refuses names it could never hold (e.g. with a backslash) with a TypeError: not there.
  if (error instanceof TypeError) return 'missing';
  return null;
}

/**
 * A FileSource over a folder the user picked (`showDirectoryPicker()`) or dropped
 * (`DataTransferItem.getAsFileSystemHandle()`), or an Origin Private File System folder. Handles are
 * structured-cloneable, so a worker can be given the handle and build the source itself.
 * Lazy: a path is resolved name by name with getDirectoryHandle/getFileHandle, and a file is read
 * only when asked for; folder handles are cached by path, so 11,540 reads of Annotations/*.xml
 * resolve Annotations/ once.
 */
export function createDirectoryHandleSource(root: FileSystemDirectoryHandle): FileSource {
  // The OPFS root's name is ''; messages still need a name for it.
  const label = root.name === '' ? '(browser storage)' : root.name;
  const folder = folderResolver(root);

  const openFile = async (path: string): Promise<File> => {
    const shown = displayPath(label, path);
    const segments = pathSegments(path, label);
    const name = segments.pop();
    if (name === undefined) throw new DataError(shown, 'is a folder, not a file');
    let parent: FileSystemDirectoryHandle;
    try {
      parent = await folder(segments);
    } catch (error) {
      if (missOf(error) === null) throw new DataError(shown, `cannot read (${describeError(error)})`);
      throw new DataError(shown, 'file not found'); // a folder on the way is missing, or is a file
    }
    try {
      return await (await parent.getFileHandle(name)).getFile();
    } catch (error) {
      const miss = missOf(error);
      if (miss === 'missing') throw new DataError(shown, 'file not found');
      if (miss === 'wrong-kind') throw new DataError(shown, 'is a folder, not a file');
      throw new DataError(shown, `cannot read (${describeError(error)})`);
    }
  };

  // Every method is async, so a refused path ('..') rejects rather than throws.
  return {
    label,
    listFiles: async (dir) => listFolder(folder, pathSegments(dir, label), 'file'),
    listDirs: async (dir) => listFolder(folder, pathSegments(dir, label), 'directory'),
    exists: async (path) => exists(folder, pathSegments(path, label)),
    readBytes: async (path) => {
      const file = await openFile(path);
      return new Uint8Array(await readOrFail(displayPath(label, path), () => file.arrayBuffer()));
    },
    readText: async (path) => {
      const file = await openFile(path);
      return readOrFail(displayPath(label, path), () => file.text());
    },
    // getFile() reads the entry's metadata, not its bytes: cheap enough per chunk of images.
    stamp: async (path) => {
      const file = await openFile(path).catch(() => null);
      return file && { size: file.size, lastModified: file.lastModified };
    },
  };
}

type FolderResolver = (segments: readonly string[]) => Promise<FileSystemDirectoryHandle>;

/**
 * Folder handles by path. The promise itself is cached, so 64 concurrent reads in one folder share
 * one lookup; a failed lookup is forgotten, as the folder may exist when asked again.
 */
function folderResolver(root: FileSystemDirectoryHandle): FolderResolver {
  const cache = new Map<string, Promise<FileSystemDirectoryHandle>>([['', Promise.resolve(root)]]);
  const resolve: FolderResolver = (segments) => {
    const key = segments.join('/');
    let handle = cache.get(key);
    if (handle === undefined) {
      const name = segments[segments.length - 1]!; // never undefined: '' is cached from the start
      handle = resolve(segments.slice(0, -1)).then((parent) => parent.getDirectoryHandle(name));
      cache.set(key, handle);
      handle.catch(() => cache.delete(key));
    }
    return handle;
  };
  return resolve;
}

async function listFolder(
  folder: FolderResolver,
  segments: readonly string[],
  kind: FileSystemHandleKind,
): Promise<string[]> {
  const names: string[] = [];
  try {
    for await (const [name, handle] of (await folder(segments)).entries()) {
      if (handle.kind === kind) names.push(name);
    }
  } catch (error) {
    if (missOf(error) !== null) return []; // no such folder, or it is a file: as on disk
    throw error;
  }
  return names.sort();
}

async function exists(folder: FolderResolver, segments: string[]): Promise<boolean> {
  const name = segments.pop();
  if (name === undefined) return true; // the root
  try {
    await (await folder(segments)).getFileHandle(name);
    return true;
  } catch (error) {
    const miss = missOf(error);
    if (miss === null) throw error;
    if (miss === 'missing') return false;
    // 'wrong-kind' from getFileHandle means a folder of that name (from a parent: a file on the way).
    return folder([...segments, name]).then(
      () => true,
      () => false,
    );
  }
}
