import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Dirent } from 'node:fs';
import { DataError } from '../core/data-error';
import type { FileSource } from '../core/dataset-source';

/** Error codes that mean "nothing there" rather than "something is wrong". */
const ABSENT = new Set(['ENOENT', 'ENOTDIR']);

function errorCode(error: unknown): string | undefined {
  if (!(error instanceof Error) || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** A FileSource over a folder on disk. Paths are '/'-separated and relative to `rootDir`. */
export function createNodeFileSource(rootDir: string): FileSource {
  const root = path.resolve(rootDir);
  const resolve = (relative: string): string => resolveInside(root, relative);

  return {
    label: root,
    listFiles: async (dir) => listEntries(resolve(dir), (stats) => stats.isFile()),
    listDirs: async (dir) => listEntries(resolve(dir), (stats) => stats.isDirectory()),
    exists: async (file) => {
      try {
        await stat(resolve(file));
        return true;
      } catch (error) {
        if (ABSENT.has(errorCode(error) ?? '')) return false;
        throw error;
      }
    },
    readBytes: async (file) => {
      const buffer = await readOrFail(resolve(file));
      // A plain Uint8Array view: callers must not depend on Node's Buffer.
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
    readText: async (file) => (await readOrFail(resolve(file))).toString('utf8'),
    stamp: async (file) => {
      const stats = await stat(resolve(file)).catch(() => null);
      return stats?.isFile() ? { size: stats.size, lastModified: Math.floor(stats.mtimeMs) } : null;
    },
  };
}

/** Refuses paths that climb out of the root, so a crafted image id cannot read arbitrary files. */
function resolveInside(root: string, relative: string): string {
  const full = path.resolve(root, ...relative.split('/').filter((part) => part.length > 0));
  const inside = path.relative(root, full);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new DataError(full, `path is outside the dataset folder ${root}`);
  }
  return full;
}

async function readOrFail(full: string): Promise<Buffer> {
  try {
    return await readFile(full);
  } catch (error) {
    const code = errorCode(error);
    if (code !== undefined && ABSENT.has(code)) throw new DataError(full, 'file not found');
    if (code === 'EISDIR') throw new DataError(full, 'is a folder, not a file');
    throw new DataError(full, `cannot read (${code ?? String(error)})`);
  }
}

type StatsTest = (stats: { isFile(): boolean; isDirectory(): boolean }) => boolean;

async function listEntries(dir: string, keep: StatsTest): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (ABSENT.has(errorCode(error) ?? '')) return [];
    throw error;
  }
  const kept: string[] = [];
  for (const entry of entries) {
    // Dataset folders are often assembled from symlinks: judge a link by its target.
    const stats = entry.isSymbolicLink() ? await statOrNull(path.join(dir, entry.name)) : entry;
    if (stats !== null && keep(stats)) kept.push(entry.name);
  }
  return kept.sort();
}

async function statOrNull(full: string): Promise<Awaited<ReturnType<typeof stat>> | null> {
  try {
    return await stat(full);
  } catch {
    return null; // a dangling link is neither a file nor a folder
  }
}
