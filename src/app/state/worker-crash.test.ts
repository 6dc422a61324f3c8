import { describe, expect, it } from 'vitest';
import type { RunRequest } from '../../worker/protocol/pipeline-protocol';
import { useRunStatus, type RunStatus } from './run-status-store';
import { DEFAULT_SELECTION } from './selection';
import { crashedRun } from './worker-crash';
import { workerCrashText } from './worker-crash-notice';

const { dataset, split, model, grid, provider } = DEFAULT_SELECTION;
const request: RunRequest = { dataset, split, limit: 50, model, grid, promptTemplate: 'a photo of a {}.', preferredProvider: provider, chunkSize: 8 };
const idle = useRunStatus.getInitialState();
/** A computed run of 50 images: 16 stored, 20 through the model (the third chunk in progress). */
const running: RunStatus = {
  ...idle,
  phase: 'running',
  stage: 'Encoding images…',
  shown: { kind: 'computed', request },
  progress: { done: 16, total: 50, skipped: 0, fromCache: 0, imagesPerSecond: 2, etaSeconds: 17 },
  encoding: { encoded: 20, total: 50, fromCache: 0, imagesPerSecond: 2, etaSeconds: 15 },
};
const crash = { message: 'Uncaught RuntimeError: Aborted(OOM)' };

describe('a pipeline worker that dies under a run', () => {
  it('stops a computed run resumably (paused, interrupted), never failed, and says what is kept', () => {
    const stopped = crashedRun(running, crash)!;
    expect(stopped).toMatchObject({ phase: 'paused', interrupted: true, stopping: null, stage: null });
    // Not 'failed' and no error: the run journal (run-journal.ts) forgets only cancelled and failed runs.
    expect(stopped.error).toBeUndefined();
    expect(stopped.workerCrash).toEqual({ kind: 'run-stopped', reason: crash.message, encoded: 20, stored: 16, total: 50 });
    expect(workerCrashText(stopped.workerCrash!)).toBe(
      'The pipeline worker stopped unexpectedly (Uncaught RuntimeError: Aborted(OOM)) after 20 of 50 images: the 16 stored images are kept; Resume continues from there.',
    );
  });

  it('stops a run paused in the worker the same way, and one that stored nothing yet from the first image', () => {
    expect(crashedRun({ ...running, phase: 'paused' }, crash)).toMatchObject({ phase: 'paused', interrupted: true });
    const early = crashedRun({ ...running, progress: null, encoding: { ...running.encoding!, encoded: 2 } }, { message: null })!;
    expect(early.workerCrash).toEqual({ kind: 'run-stopped', reason: null, encoded: 2, stored: 0, total: 50 });
    expect(workerCrashText(early.workerCrash!)).toBe(
      'The pipeline worker stopped unexpectedly (no message) after 2 of 50 images: none was stored yet; Resume starts again from the first image.',
    );
  });

  it('says so when the worker died before encoding began (no count yet)', () => {
    const opening = crashedRun({ ...running, stage: 'Loading the model…', progress: null, encoding: null }, crash)!;
    expect(opening).toMatchObject({ phase: 'paused', interrupted: true });
    expect(workerCrashText(opening.workerCrash!)).toBe(
      'The pipeline worker stopped unexpectedly (Uncaught RuntimeError: Aborted(OOM)) before any image was encoded: Resume starts the run again (images stored before are not encoded again).',
    );
  });

  it('finishes a Cancel that was waiting for the worker', () => {
    expect(crashedRun({ ...running, stopping: 'cancel' }, crash)).toEqual({ phase: 'cancelled', stage: null, stopping: null, interrupted: false });
  });

  it('fails an import or a reference cache being opened, saying to open it again', () => {
    const opening: RunStatus = { ...running, shown: { kind: 'cache-folder', dataset, model } };
    expect(crashedRun(opening, crash)).toMatchObject({ phase: 'failed', error: expect.stringContaining('(Uncaught RuntimeError: Aborted(OOM)) while the run was opened: open it again') });
  });

  it('leaves the run alone when none is going (the client restarted the worker; the views reopen theirs)', () => {
    for (const phase of ['idle', 'complete', 'cancelled', 'failed'] as const) expect(crashedRun({ ...running, phase }, crash)).toBeNull();
    expect(workerCrashText({ kind: 'restarted', reason: null, shownRun: 'reopened' })).toBe(
      'The pipeline worker stopped unexpectedly (no message) and was restarted: the run the views show is reopened from the browser cache (nothing is encoded again).',
    );
  });
});
