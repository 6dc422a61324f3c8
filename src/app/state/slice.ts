/**
 * What a slice of the lab store may do: update its own part. The store (lab-store.ts) passes its
 * `setState`; a slice never reads or writes another slice, so each stays one concept.
 */
export type SliceSet<T> = (update: (state: T) => Partial<T>) => void;
