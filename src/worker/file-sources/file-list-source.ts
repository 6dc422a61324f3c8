import { DataError } from '../../core/data-error';
import type { FileSource } from '../../core/dataset-source';
import { buildPathIndex, type PathIndex } from './path-index';
import { displayPath, pathKey, readOrFail, requirePathKey } from './source-paths';

/**
 * A FileSource over the files of an `<input type="file" webkitdirectory>` (or any File[] whose
 * `webkitRelativePath` says where each file sits, e.g. "VOC2012/JPEGImages/x.jpg"). The folder the
 * user chose is the common first name of those paths; it becomes the label and paths start below it.
 * Files without a relative path (a plain multi-file pick) sit at the root under their names.
 * Only names are indexed, once; contents are read when asked for. Files from an input keep their
 * `webkitRelativePath` when posted to a worker; a path set with Object.defineProperty does not
 * (use createFileListSourceFromPaths there).
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
  // A path with '..' (never from a real input) could not be looked up anyway: left out.
  const keys = paths.map((path) => pathKey(path) ?? '');
  const top = commonTopFolder(keys);
  const index = buildPathIndex(keys, files, top === null ? 0 : top.length + 1);
  const label = top ?? (files.length === 1 ? 'the selected file' : `${files.length} selected files`);
  return fileListSource(label, index);
}

/** The one folder every path starts in, or null (files at the top level, or several folders). */
function commonTopFolder(keys: readonly string[]): string | null {
  const first = keys[0] ?? '';
  const slash = first.indexOf('/');
  if (slash < 0) return null;
  const prefix = first.slice(0, slash + 1);
  return keys.every((key) => key.startsWith(prefix)) ? first.slice(0, slash) : null;
}

function fileListSource(label: string, index: PathIndex<File>): FileSource {
  const fileAt = (path: string): File => {
    const key = requirePathKey(path, label);
    const file = index.file(key);
    if (file !== undefined) return file;
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
    readBytes: async (path) => {
      const file = fileAt(path);
      return new Uint8Array(await readOrFail(displayPath(label, path), () => file.arrayBuffer()));
    },
    readText: async (path) => {
      const file = fileAt(path);
      return readOrFail(displayPath(label, path), () => file.text());
    },
  };
}
