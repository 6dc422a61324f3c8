import type { FileSource } from '../dataset-source';
import { joinPath } from '../dataset-source';
import { displayPath, requirePathKey } from './source-paths';

/**
 * The folder `prefix` of `source` as a source of its own; its messages still name the full path.
 * '..' is refused here, relative to the new root: the source below would only keep it inside its own.
 */
export function subSource(source: FileSource, prefix: string): FileSource {
  if (prefix === '') return source;
  const label = displayPath(source.label, prefix);
  const inside = (path: string): string => joinPath(prefix, requirePathKey(path, label));
  return {
    label,
    listFiles: async (dir) => source.listFiles(inside(dir)),
    listDirs: async (dir) => source.listDirs(inside(dir)),
    exists: async (path) => source.exists(inside(path)),
    readBytes: async (path) => source.readBytes(inside(path)),
    readText: async (path) => source.readText(inside(path)),
    ...(source.stamp ? { stamp: async (path: string) => source.stamp!(inside(path)) } : {}),
  };
}
