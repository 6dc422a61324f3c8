/** Images per chunk: the unit of batching, storage and resume. */
export const DEFAULT_CHUNK_SIZE = 8;
const MAX_CHUNK_SIZE = 256;

/**
 * `?chunk=N` (1–256) asks for another chunk size, e.g. several chunks from a few images, as the
 * resilience tests need. Anything else is ignored. A resumed run keeps the size it was started with.
 */
export function chunkSizeFrom(search: string): number {
  const value = new URLSearchParams(search).get('chunk');
  const size = value !== null && /^\d+$/.test(value) ? Number(value) : NaN;
  return size >= 1 && size <= MAX_CHUNK_SIZE ? size : DEFAULT_CHUNK_SIZE;
}

export const CHUNK_SIZE = chunkSizeFrom(globalThis.location?.search ?? '');
