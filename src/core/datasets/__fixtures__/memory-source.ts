import { DataError } from '../../data-error';
import type { FileSource } from '../../dataset-source';

/** A FileSource over files held in memory ('/'-separated paths → text or bytes), folders implied by the paths. */
export function memorySource(files: Readonly<Record<string, string | Uint8Array>>, label = 'memory'): FileSource {
  const paths = Object.keys(files);
  const children = (dir: string, folders: boolean) => {
    const prefix = dir === '' ? '' : `${dir.replace(/\/+$/, '')}/`;
    const names = new Set<string>();
    for (const path of paths) {
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (folders && slash > 0) names.add(rest.slice(0, slash));
      if (!folders && slash < 0 && rest !== '') names.add(rest);
    }
    return [...names].sort();
  };
  const readBytes = async (path: string) => {
    const content = files[path];
    if (content === undefined) throw new DataError(`${label}/${path}`, 'file not found');
    return typeof content === 'string' ? new TextEncoder().encode(content) : content;
  };
  return {
    label,
    listFiles: async (dir) => children(dir, false),
    listDirs: async (dir) => children(dir, true),
    exists: async (path) => path in files || paths.some((file) => file.startsWith(`${path}/`)),
    readBytes,
    readText: async (path) => new TextDecoder().decode(await readBytes(path)),
  };
}
