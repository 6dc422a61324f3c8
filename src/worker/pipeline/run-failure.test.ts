import { describe, expect, it } from 'vitest';
import { StorageFullError } from '../storage/storage-full-error';
import { describeRunFailure } from './run-failure';

describe('the message of a failed run', () => {
  it('a full storage says the run stopped, that the stored images are kept, and how to go on', () => {
    const message = describeRunFailure(new StorageFullError(3_100_000, 3_200_000));
    expect(message).toBe(
      "The run stopped because the browser's storage for this site is full (3.1 MB used of 3.2 MB): free space or clear " +
        'old runs; everything computed so far is kept. Once there is room, press “Compute pseudo labels” again: it resumes ' +
        'after the images already stored. (“Clear computed embeddings” under Storage frees space, but deletes every stored ' +
        'run, this one too.)',
    );
  });

  it('any other error keeps its own message', () => {
    expect(describeRunFailure(new Error('JPEGImages/a.jpg: not a JPEG or PNG'))).toBe('JPEGImages/a.jpg: not a JPEG or PNG');
    expect(describeRunFailure('plain')).toBe('plain');
  });
});
