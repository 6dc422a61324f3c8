/**
 * Is a model file in the browser's Cache Storage whole? A download cut off, or a disk error, can leave
 * a shorter (or longer) body than the file had. The size the file was stored with is the witness; an
 * entry stored before sizes were recorded falls back to the catalog: its exact size where the catalog
 * knows it (the app's own models), else a bound no approximate size is off by (the hub models'
 * three-digit sizes). Bytes damaged at the same size are caught later, when onnxruntime (or the JSON
 * parser) cannot read the file — see pipeline/open-model.ts.
 */
export interface CachedFileSizes {
  readonly path: string;
  /** The stored body's size. */
  readonly foundBytes: number;
  /** The size recorded beside the body when it was stored (RECORDED_BYTES_HEADER), or null. */
  readonly recordedBytes: number | null;
  readonly catalogBytes: number;
  /** True when catalogBytes is the file's exact size, not an estimate. */
  readonly catalogExact: boolean;
}

/** The stored response's header that records the size the file was downloaded with. */
export const RECORDED_BYTES_HEADER = 'X-Cdul-File-Bytes';

/** An approximate catalog size is within a few percent; a body under half of it cannot be the file. */
const APPROXIMATE_FLOOR = 0.5;

/** Why the stored file cannot be the one downloaded ("… bytes expected …, … found"), or null when it can. */
export function cachedFileDamage(sizes: CachedFileSizes): string | null {
  const { foundBytes, recordedBytes, catalogBytes, catalogExact } = sizes;
  if (recordedBytes !== null) {
    return foundBytes === recordedBytes ? null : sizeProblem(recordedBytes, 'as downloaded', foundBytes);
  }
  if (catalogExact) return foundBytes === catalogBytes ? null : sizeProblem(catalogBytes, 'by the model catalog', foundBytes);
  if (foundBytes >= catalogBytes * APPROXIMATE_FLOOR) return null;
  return `${bytes(foundBytes)} found, where the model catalog expects about ${bytes(catalogBytes)}`;
}

/** The recorded size of a stored response, or null when it has none (or one that is not a byte count). */
export function recordedBytesOf(headers: Headers): number | null {
  const value = headers.get(RECORDED_BYTES_HEADER)?.trim();
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

function sizeProblem(expected: number, source: string, found: number): string {
  return `${bytes(expected)} expected ${source}, ${found.toLocaleString('en-US')} found`;
}

function bytes(n: number): string {
  return `${n.toLocaleString('en-US')} bytes`;
}
