import type { FileStamp } from '../dataset-source';

/** One image's file as it was when its chunk was encoded (see FileSource.stamp). */
export interface ImageStamp extends FileStamp {
  readonly id: string;
}

/**
 * What a source says of an image's file now: its stamp, null when the source knows stamps but not
 * this file's (it is gone), absent when it was not asked (a source that cannot tell).
 */
export type CurrentStamps = ReadonlyMap<string, FileStamp | null>;

/**
 * The images of a stored chunk whose file is no longer the one encoded: another size or time, or gone.
 * An image stored without a stamp (a run stored before stamps were kept) or not asked about now is
 * taken as unchanged — nothing can be told about it, and re-encoding every old run would cost hours.
 */
export function changedImages(stored: readonly ImageStamp[], current: CurrentStamps): string[] {
  return stored
    .filter((then) => {
      if (!current.has(then.id)) return false;
      const now = current.get(then.id);
      return !now || now.size !== then.size || now.lastModified !== then.lastModified;
    })
    .map((then) => then.id);
}

/** The stamps to store with a chunk of `ids` (the images with a known stamp; skipped ones too, a fixed file is new). */
export function stampsOf(ids: readonly string[], current: CurrentStamps): ImageStamp[] {
  return ids.flatMap((id) => {
    const stamp = current.get(id);
    return stamp ? [{ id, size: stamp.size, lastModified: stamp.lastModified }] : [];
  });
}
