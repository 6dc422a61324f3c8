import type { CatalogFile, ModelCatalogEntry } from '../../core/clip/model-catalog';
import type { DamagedCacheFile } from '../protocol/pipeline-protocol';
import { cachedFileDamage, recordedBytesOf } from './cached-file-check';

export interface CachedFiles {
  /** Per file (in the order given), its stored bytes, or null. */
  readonly bodies: readonly (ArrayBuffer | null)[];
  /** Stored copies found damaged (or named so by the caller): deleted, so they are downloaded again. */
  readonly damaged: readonly DamagedCacheFile[];
}

/**
 * Reads what the model cache holds of a model's files. A copy whose size is not the file's
 * (cached-file-check.ts), or that the caller found unreadable on a previous load (`knownDamaged`), is
 * deleted from the cache and counts as absent: the load downloads it again instead of failing on it
 * at every start. So is a body the disk can no longer give back (the Blob's read fails).
 */
export async function readCachedFiles(
  cache: Cache | null,
  entry: ModelCatalogEntry,
  files: readonly CatalogFile[],
  urls: readonly string[],
  knownDamaged: readonly DamagedCacheFile[] = [],
): Promise<CachedFiles> {
  if (!cache) return { bodies: files.map(() => null), damaged: [...knownDamaged] };
  const checked = await Promise.all(
    files.map(async (file, index) => {
      const url = urls[index]!;
      const known = knownDamaged.find((damaged) => damaged.path === file.path);
      const response = await cache.match(url);
      if (!response) return { body: null, damage: known ?? null };
      const body = await readStored(response);
      const problem = known?.problem ?? storedCopyProblem(entry, file, response.headers, body);
      if (problem === null && typeof body !== 'string') return { body, damage: null };
      await cache.delete(url);
      return { body: null, damage: { path: file.path, problem: problem ?? 'it could not be read back' } };
    }),
  );
  return {
    bodies: checked.map((file) => file.body),
    damaged: checked.flatMap((file) => (file.damage ? [file.damage] : [])),
  };
}

/** The stored bytes, or why they could not be read back (the cache's file on disk is gone or unreadable). */
async function readStored(response: Response): Promise<ArrayBuffer | string> {
  try {
    return await response.arrayBuffer();
  } catch (error) {
    return `it could not be read back (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`;
  }
}

function storedCopyProblem(entry: ModelCatalogEntry, file: CatalogFile, headers: Headers, body: ArrayBuffer | string): string | null {
  if (typeof body === 'string') return body;
  return cachedFileDamage({
    path: file.path,
    foundBytes: body.byteLength,
    recordedBytes: recordedBytesOf(headers),
    catalogBytes: file.approxBytes,
    catalogExact: entry.sizesExact,
  });
}
