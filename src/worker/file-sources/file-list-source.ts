import { DataError } from '../../core/data-error';
import type { FileSource, FileStamp } from '../../core/dataset-source';
import { buildPathIndex, type PathIndex } from './path-index';
import { displayPath, pathKey, readOrFail, requirePathKey } from '../../core/datasets/source-paths';

/**
 * A FileSource over the files of an `<input type="file" webkitdirectory>` (or any File[] whose
 * `webkitRelativePath` says where each file sits, e.g. "VOC2012/JPEGImages/x.jpg"). The folder the
 * user chose is the common first name of those paths; it becomes the label and paths start below it.
 * Files without a relative path (a plain multi-file pick) sit at the root under their names.
 * Only names are indexed, once; contents are read when asked for. Files from an input keep their
 * `webkitRelativePath` when posted to a worker; a path set with Object.defineProperty does not
 * (use createFileListSourceFromPaths there). The lab's workers get a chosen folder as paths and ask
 * for Files as they read them (served-file-list-source.ts).
 */
export function createFileListSource(files: ArrayLike<File>): FileSource {
  const list = Array.from(files);
  return createFileListSourceFromPaths(
    list,
    list.map((file) => file.webkitRelativePath || file.name),
  );
}

/** As createFileListSource, with each file's relative path given (aligned with `files`). */
export function createFileListSourceFromPaths(
  files: ArrayLike<File>,
  paths: readonly string[],
): FileSource {
  if (paths.length !== files.length) {
    throw new RangeError(`${files.length} files but ${paths.length} paths`);
  }
  const { label, index } = indexListedPaths(paths, files);
  return listedFileSource(label, index, (file, shown) => readOrFail(shown, () => file.arrayBuffer()), (file) => ({ size: file.size, lastModified: file.lastModified }));
}

/**
 * The folder tree of a chosen list of paths (`values[i]` stored for `paths[i]`), below the one folder
 * they all start in, which names the source.
 */
export function indexListedPaths<T>(paths: readonly string[], values: ArrayLike<T>): { label: string; index: PathIndex<T> } {
  // A path with '..' (never from a real input) could not be looked up anyway: left out.
  const keys = paths.map((path) => pathKey(path) ?? '');
  const top = commonTopFolder(keys);
  const index = buildPathIndex(keys, values, top === null ? 0 : top.length + 1);
  const label = top ?? (paths.length === 1 ? 'the selected file' : `${paths.length} selected files`);
  return { label, index };
}

/** The one folder every path starts in, or null (files at the top level, or several folders). */
function commonTopFolder(keys: readonly string[]): string | null {
  const first = keys[0] ?? '';
  const slash = first.indexOf('/');
  if (slash < 0) return null;
  const prefix = first.slice(0, slash + 1);
  return keys.every((key) => key.startsWith(prefix)) ? first.slice(0, slash) : null;
}

/**
 * The FileSource over an index of listed files; `read` gives a file's bytes from the value stored for
 * it (the File itself, or what fetches it), rejecting with a DataError that names it as `shown`;
 * `stampOf` its size and modification time, when the list knows them.
 */
export function listedFileSource<T>(
  label: string,
  index: PathIndex<T>,
  read: (value: T, shown: string) => Promise<ArrayBuffer>,
  stampOf?: (value: T) => FileStamp | null,
): FileSource {
  const bytesAt = (path: string): Promise<ArrayBuffer> => {
    const key = requirePathKey(path, label);
    const value = index.file(key);
    if (value !== undefined) return read(value, displayPath(label, path));
    const why = index.isDir(key) ? 'is a folder, not a file' : 'file not found';
    throw new DataError(displayPath(label, path), why);
  };

  // Every method is async, so a missing file or a refused path rejects rather than throws.
  return {
    label,
    listFiles: async (dir) => index.listFiles(requirePathKey(dir, label)),
    listDirs: async (dir) => index.listDirs(requirePathKey(dir, label)),
    exists: async (path) => {
      const key = requirePathKey(path, label);
      return index.file(key) !== undefined || index.isDir(key);
    },
    readBytes: async (path) => new Uint8Array(await bytesAt(path)),
    // UTF-8 with a leading BOM dropped, as Blob.text() reads.
    readText: async (path) => new TextDecoder().decode(await bytesAt(path)),
    ...(stampOf
      ? {
          stamp: async (path: string) => {
            const value = index.file(requirePathKey(path, label));
            return value === undefined ? null : stampOf(value);
          },
        }
      : {}),
  };
}
