import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../../worker/protocol/pipeline-protocol';
import { followedStageText, followRun, isGoing, startFollowing, writerGone, type FollowMessage } from './followed-run';

const progress = (done: number): RunProgress => ({ done, total: 50, skipped: 0, fromCache: 0, imagesPerSecond: 2, etaSeconds: 10 });
const status = (lock: string, phase: 'running' | 'paused' | 'complete' | 'cancelled', done: number): FollowMessage => ({
  type: 'status',
  lock,
  label: 'Demo',
  phase,
  stage: 'Encoding images…',
  progress: progress(done),
  encoding: null,
});

describe('followRun', () => {
  it('keeps the last status of the followed run, in order', () => {
    let state = startFollowing('run-a', 'Demo');
    expect(state).toMatchObject({ phase: 'running', progress: null });
    state = followRun(state, status('run-a', 'running', 8))!;
    state = followRun(state, status('run-a', 'running', 16))!;
    expect(state.progress?.done).toBe(16);
    expect(state.stage).toBe('Encoding images…');
    state = followRun(state, status('run-a', 'complete', 50))!;
    expect(state.phase).toBe('complete');
    expect(state.progress?.done).toBe(50);
  });

  it("ignores another run's status, a follower's question, and nothing followed", () => {
    const state = followRun(startFollowing('run-a', 'Demo'), status('run-a', 'running', 8))!;
    expect(followRun(state, status('run-b', 'running', 40))).toBe(state);
    expect(followRun(state, { type: 'ask', lock: 'run-a' })).toBe(state);
    expect(followRun(null, status('run-a', 'running', 8))).toBeNull();
  });

  it('a writer gone mid-run closes the run; a finished or cancelled one stays as it ended', () => {
    const running = followRun(startFollowing('run-a', 'Demo'), status('run-a', 'paused', 24))!;
    const closed = writerGone(running);
    expect(closed.phase).toBe('closed');
    expect(closed.progress?.done).toBe(24);
    // A late status of the closed writer does not reopen it.
    expect(followRun(closed, status('run-a', 'running', 32))).toBe(closed);
    const cancelled = followRun(running, status('run-a', 'cancelled', 24))!;
    expect(writerGone(cancelled)).toBe(cancelled);
  });
});

describe('isGoing and followedStageText', () => {
  it('says what the other tab does', () => {
    expect(isGoing('running')).toBe(true);
    expect(isGoing('paused')).toBe(true);
    expect(isGoing('complete')).toBe(false);
    expect(isGoing('closed')).toBe(false);
    const base = startFollowing('run-a', 'Demo');
    expect(followedStageText(base)).toBe('starting in the other tab…');
    expect(followedStageText({ ...base, stage: 'Encoding images…' })).toBe('Encoding images…');
    expect(followedStageText({ ...base, phase: 'paused' })).toBe('paused in the other tab');
    expect(followedStageText({ ...base, phase: 'complete' })).toBe('finished in the other tab');
    expect(followedStageText({ ...base, phase: 'cancelled' })).toBe('cancelled in the other tab (its finished chunks are kept)');
    expect(followedStageText({ ...base, phase: 'closed' })).toBe('the other tab closed mid-run');
  });
});
