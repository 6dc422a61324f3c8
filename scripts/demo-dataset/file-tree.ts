/** Writing the generated files to a folder, and comparing two folders byte for byte. */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetFile } from './dataset';

/** Every file under `dir`, as sorted '/'-separated relative paths; [] when `dir` does not exist. */
export async function listTree(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .map((relative) => relative.split(path.sep).join('/'))
    .sort();
}

/**
 * Replaces `outDir` with exactly `files`, so no stale image survives a smaller dataset. The files go
 * to a sibling folder first and replace `outDir` in one rename, so an interrupted run never leaves
 * half a dataset. Refuses a non-empty folder that holds no SOURCE.md: that is not a generated
 * dataset and might be precious.
 */
export async function writeDataset(outDir: string, files: readonly DatasetFile[]): Promise<void> {
  const existing = await listTree(outDir);
  if (existing.length > 0 && !existing.includes('SOURCE.md')) {
    throw new Error(`${outDir} is not empty and holds no SOURCE.md: refusing to overwrite it`);
  }
  const staging = `${path.resolve(outDir)}.partial`;
  await rm(staging, { recursive: true, force: true });
  for (const file of files) {
    const target = path.join(staging, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.bytes);
  }
  await rm(outDir, { recursive: true, force: true });
  await rename(staging, outDir);
}

/** The first difference between two folders (sorted path order), or null when they are identical. */
export async function firstDifference(expectedDir: string, actualDir: string): Promise<string | null> {
  const expected = await listTree(expectedDir);
  const actual = await listTree(actualDir);
  const all = [...new Set([...expected, ...actual])].sort();
  for (const file of all) {
    if (!actual.includes(file)) return `${file}: in ${expectedDir} but not regenerated`;
    if (!expected.includes(file)) return `${file}: regenerated but missing from ${expectedDir}`;
    const [a, b] = await Promise.all([
      readFile(path.join(expectedDir, file)),
      readFile(path.join(actualDir, file)),
    ]);
    if (!a.equals(b)) return `${file}: contents differ (${a.length} vs ${b.length} bytes)`;
  }
  return null;
}
