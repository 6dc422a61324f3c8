import { describe, expect, it } from 'vitest';
import { isRunOver, keptEpochNumber, NO_SELECTION, trackSelection, type SelectionTracking } from './epoch-selection';

const snapshot = () => ({ params: [Float32Array.of(1)], latent: Float32Array.of(2) });

/** Feeds (held-out loss, label update?) epoch by epoch; returns the tracking after each. */
function track(epochs: readonly (readonly [number, boolean])[]): SelectionTracking[] {
  const states: SelectionTracking[] = [];
  let tracking = NO_SELECTION;
  epochs.forEach(([heldOutLoss, labelUpdate], i) => {
    tracking = trackSelection(tracking, { epoch: i + 1, labelUpdate, heldOutLoss }, snapshot);
    states.push(tracking);
  });
  return states;
}

describe('epoch selection', () => {
  // Warm-up 2 (no updates), then an update every epoch.
  const run = [[0.5, false], [0.4, false], [0.3, true], [0.35, true], [0.3, true], [0.29, true], [0.31, true], [0.4, true]] as const;

  it('keeps the lowest held-out loss (first on ties) and counts only label updates since it', () => {
    const states = track(run);
    expect(states.map((s) => s.selected?.epoch)).toEqual([1, 2, 3, 3, 3, 6, 6, 6]);
    expect(states.map((s) => s.updatesSinceSelected)).toEqual([0, 0, 0, 1, 2, 0, 1, 2]);
    expect(keptEpochNumber(run.map(([heldOutLoss], i) => ({ epoch: i + 1, heldOutLoss })))).toBe(6);
  });

  it('warm-up epochs without improvement never count towards patience', () => {
    const states = track([[0.3, false], [0.4, false], [0.5, false], [0.6, true]]);
    expect(states.map((s) => s.updatesSinceSelected)).toEqual([0, 0, 0, 1]);
    const settings = { epochs: 10, patience: 1 };
    expect(states.map((s, i) => isRunOver(i + 1, s, settings))).toEqual([false, false, false, true]);
  });

  it('patience null runs to the last epoch; a NaN loss (diverged) is never selected', () => {
    const states = track([[0.3, true], [Number.NaN, true]]);
    expect(states[1]!.selected?.epoch).toBe(1);
    expect(isRunOver(2, states[1]!, { epochs: 3, patience: null })).toBe(false);
    expect(isRunOver(3, states[1]!, { epochs: 3, patience: null })).toBe(true);
  });

  it('without held-out losses the kept epoch is the last one', () => {
    expect(track([[Number.NaN, false]])[0]).toEqual(NO_SELECTION);
    expect(keptEpochNumber([{ epoch: 1, heldOutLoss: null }, { epoch: 2 }])).toBe(2);
    expect(keptEpochNumber([])).toBeNull();
  });
});
