import { changedImages, type CurrentStamps } from '../../core/init-cache/chunk-stamps';
import type { FileSource } from '../../core/dataset-source';
import { mapLimited } from '../../core/map-limited';
import type { CliOutput } from '../output';
import type { ChunkStore } from './chunk-store';

/** Each image's file stamp now (fs.stat), to store with its chunk and to compare with a stored one. */
export async function currentStamps(source: FileSource, imageFiles: ReadonlyMap<string, string>, ids: readonly string[]): Promise<CurrentStamps> {
  const stamp = source.stamp?.bind(source);
  if (!stamp) return new Map();
  const stamps = await mapLimited(ids, 64, (id) => stamp(imageFiles.get(id) ?? id).catch(() => null));
  return new Map(ids.map((id, i) => [id, stamps[i] ?? null]));
}

/**
 * A resumed `cdul cache`: the finished parts whose files changed since they were encoded (an image
 * edited in place) are taken out of `done`, so they are encoded again; the note names the files.
 */
export async function dropChangedChunks(store: ChunkStore, done: Set<number>, current: CurrentStamps, imageFiles: ReadonlyMap<string, string>, output: CliOutput): Promise<void> {
  const changed: string[] = [];
  let chunks = 0;
  for (const index of [...done].sort((a, b) => a - b)) {
    const ids = changedImages((await store.readRecord(index)).stamps ?? [], current);
    if (ids.length === 0) continue;
    done.delete(index);
    chunks++;
    changed.push(...ids.map((id) => imageFiles.get(id) ?? id));
  }
  if (chunks === 0) return;
  const named = changed.slice(0, 10).join(', ') + (changed.length > 10 ? ` and ${changed.length - 10} more` : '');
  output.note(`cache: ${changed.length} image(s) changed since they were encoded (${named}): ${chunks} chunk(s) encoded again`);
}
