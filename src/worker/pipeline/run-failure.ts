import { StorageFullError } from '../storage/storage-full-error';

/**
 * What the run's error banner says when a run stops. A full storage gets what to do next: the chunks
 * written before are kept (each was one transaction), so computing again resumes once there is room.
 */
export function describeRunFailure(error: unknown): string {
  if (error instanceof StorageFullError) {
    return (
      `The run stopped because ${error.message}. Once there is room, press “Compute pseudo labels” again: ` +
      'it resumes after the images already stored. (“Clear computed embeddings” under Storage frees space, ' +
      'but deletes every stored run, this one too.)'
    );
  }
  return error instanceof Error ? error.message : String(error);
}
