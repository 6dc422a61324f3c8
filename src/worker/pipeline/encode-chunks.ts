import { changedImages, type CurrentStamps } from '../../core/init-cache/chunk-stamps';
import { mapLimited } from '../../core/map-limited';
import { MAX_STALE_FILES_NAMED } from '../protocol/pipeline-protocol';
import type { EncodeContext } from './encode-context';
import { encodeParts } from './encode-parts';

/** Passes over the missing chunks before giving up: storage cleared again and again is not worth chasing. */
const MAX_PASSES = 3;
/** Stamp lookups in flight (a folder handle's getFile() each). */
const STAMPS_IN_FLIGHT = 32;
/** Files between two stage messages while checking. */
const STAGE_EVERY = 1000;

/**
 * Encodes every chunk not stored, or stored from files that changed since, then checks the store
 * holds them all: chunks the browser's storage lost while the run went on are encoded again (the run
 * says so). Returns the images encoded now (each once), or null when cancelled.
 */
export async function encodeChunks(context: EncodeContext): Promise<{ recomputed: number } | null> {
  const { store, key, chunks, post } = context;
  const current = await currentStamps(context);
  const encodedNow = new Map<number, number>();
  for (let pass = 0; ; pass++) {
    const run = await store.getRun(key);
    if (!run) await context.reopenRun();
    const finished = new Set(run?.finishedChunks ?? []);
    const stale = pass === 0 && run ? await changedChunks(context, run.finishedChunks, current) : new Set<number>();
    const todo = chunks.map((_, index) => index).filter((index) => !finished.has(index) || stale.has(index));
    if (todo.length === 0) break;
    if (pass > 0) {
      if (pass >= MAX_PASSES) throw new Error(`the browser's storage lost this run's chunks ${MAX_PASSES} times while it ran: compute it again once nothing clears the site's data`);
      post({ type: 'stale-chunks', reason: 'missing', chunks: todo.length, images: imagesIn(chunks, todo), changed: 0, files: [] });
    }
    const encoded = await encodeParts(context, todo, current);
    if (encoded === null) return null;
    for (const [index, images] of encoded) encodedNow.set(index, images);
  }
  return { recomputed: [...encodedNow.values()].reduce((sum, images) => sum + images, 0) };
}

/** Each image's file stamp now, when the source tells them cheaply (none over HTTP). */
async function currentStamps({ source, imageFiles, chunks, post }: EncodeContext): Promise<CurrentStamps> {
  const stamp = source.stamp?.bind(source);
  if (!stamp) return new Map();
  const ids = chunks.flat();
  // ~0.4 ms a file through a folder handle (OPFS, 5,000 files): tens of seconds at COCO-train size, so counted.
  const stage = (done: number) => post({ type: 'stage', stage: `Checking the images against the stored embeddings… ${done} / ${ids.length}` });
  stage(0);
  let done = 0;
  const stamps = await mapLimited(ids, STAMPS_IN_FLIGHT, async (id) => {
    const found = await stamp(imageFiles.get(id) ?? id).catch(() => null);
    if (++done % STAGE_EVERY === 0) stage(done);
    return found;
  });
  return new Map(ids.map((id, i) => [id, stamps[i] ?? null]));
}

/** The stored chunks whose files changed since they were encoded; the run names those files. */
async function changedChunks(context: EncodeContext, finished: readonly number[], current: CurrentStamps): Promise<Set<number>> {
  if (current.size === 0 || finished.length === 0) return new Set();
  const stored = await context.store.chunkStamps(context.key);
  const changed = finished.map((index) => ({ index, ids: changedImages(stored.get(index) ?? [], current) })).filter((chunk) => chunk.ids.length > 0);
  if (changed.length === 0) return new Set();
  const files = changed.flatMap((chunk) => chunk.ids).map((id) => context.imageFiles.get(id) ?? id);
  const indices = changed.map((chunk) => chunk.index);
  const images = imagesIn(context.chunks, indices);
  context.post({ type: 'stale-chunks', reason: 'changed', chunks: indices.length, images, changed: files.length, files: files.slice(0, MAX_STALE_FILES_NAMED) });
  return new Set(indices);
}

const imagesIn = (chunks: readonly string[][], indices: readonly number[]) => indices.reduce((sum, index) => sum + chunks[index]!.length, 0);
