import type { EncodingProgress, RunProgress } from '../../worker/protocol/pipeline-protocol';
import type { RunPhase } from './run-status-store';

/**
 * A run another tab computes, as this tab follows it (pure: run-ownership.ts applies it). The writing
 * tab broadcasts its run status on every change (run-follow-channel.ts); a follower keeps the last one
 * of the run it follows and ignores every other run's.
 */
export interface FollowedRun {
  /** The run's lock name (run-lock-name.ts). */
  readonly lock: string;
  /** The dataset's label, for the run panel. */
  readonly label: string;
  /** The writing tab's phase; 'closed': that tab went away mid-run, this tab takes the run over. */
  readonly phase: RunPhase | 'closed';
  readonly stage: string | null;
  readonly progress: RunProgress | null;
  readonly encoding: EncodingProgress | null;
}

/** What a writing tab says of its run; what a follower asks for when it starts following. */
export type FollowMessage =
  | {
      readonly type: 'status';
      readonly lock: string;
      readonly label: string;
      readonly phase: RunPhase;
      readonly stage: string | null;
      readonly progress: RunProgress | null;
      readonly encoding: EncodingProgress | null;
    }
  | { readonly type: 'ask'; readonly lock: string };

/** Starts following: nothing heard from the writer yet. */
export function startFollowing(lock: string, label: string): FollowedRun {
  return { lock, label, phase: 'running', stage: null, progress: null, encoding: null };
}

/** One message applied: another run's status or a question changes nothing; a closed writer's run keeps its last figures. */
export function followRun(state: FollowedRun | null, message: FollowMessage): FollowedRun | null {
  if (!state || message.type !== 'status' || message.lock !== state.lock || state.phase === 'closed') return state;
  const { phase, stage, progress, encoding } = message;
  return { ...state, phase, stage, progress, encoding };
}

/** The writer's lock came free while its run was going: it closed (or crashed) mid-run. */
export function writerGone(state: FollowedRun): FollowedRun {
  return isGoing(state.phase) ? { ...state, phase: 'closed' } : state;
}

/** The writer's run is going (running or paused, or not heard from yet). */
export const isGoing = (phase: FollowedRun['phase']): boolean => phase === 'running' || phase === 'paused';

/** The sentence the run panel shows for the followed run's stage. */
export function followedStageText(state: FollowedRun): string {
  switch (state.phase) {
    case 'complete':
      return 'finished in the other tab';
    case 'cancelled':
      return 'cancelled in the other tab (its finished chunks are kept)';
    case 'failed':
      return 'failed in the other tab';
    case 'closed':
      return 'the other tab closed mid-run';
    case 'paused':
      return 'paused in the other tab';
    default:
      return state.stage ?? 'starting in the other tab…';
  }
}
