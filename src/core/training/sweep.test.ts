import { describe, expect, it } from 'vitest';
import type { EpochFigures } from './trainer';
import { DEFAULT_TRAINING_SETTINGS, type TrainingSettings } from './training-settings';
import {
  MAX_SWEEP_RUNS,
  compareIds,
  parseSweepValues,
  planSweep,
  sortRuns,
  summariseRun,
  sweepRunValue,
  sweepSize,
  sweepSpaceOf,
  type SweepRunSummary,
  type SweepSpace,
} from './sweep';

const base: TrainingSettings = { ...DEFAULT_TRAINING_SETTINGS, head: 'linear', hidden: 256, epochs: 20, warmup: 2 };

const space = (overrides: Partial<SweepSpace> = {}): SweepSpace => ({ ...sweepSpaceOf(base), ...overrides });

/** The swept fields of each planned run, in plan order. */
const points = (runs: TrainingSettings[]) => runs.map(({ learningRate, updateEvery, sigma, eta, hidden }) => [learningRate, updateEvery, sigma, eta, hidden]);

describe('parseSweepValues', () => {
  it('reads numbers separated by commas and/or white space, keeping the first of equal values', () => {
    expect(parseSweepValues('1e-2, 3e-3 1e-3', 'learningRate')).toEqual([0.01, 0.003, 0.001]);
    expect(parseSweepValues(' 0.01,1e-2,,\t0.010 , 5e-3\n', 'learningRate')).toEqual([0.01, 0.005]);
    expect(parseSweepValues('64 128 64 256.0', 'hidden')).toEqual([64, 128, 256]);
    expect(parseSweepValues('0, 1, -0, .5', 'eta')).toEqual([0, 1, 0.5]);
    expect(Object.is(parseSweepValues('-0', 'eta')[0], 0)).toBe(true);
  });

  it('validates each value as validateTrainingSettings does, naming the field and the token', () => {
    expect(() => parseSweepValues('1e-2, 0', 'learningRate')).toThrow(/^learningRate: '0' is not allowed \(learningRate must be positive, got 0\)$/);
    expect(() => parseSweepValues('0.1 -0.2', 'sigma')).toThrow(/sigma: '-0.2'/);
    expect(() => parseSweepValues('1 -1', 'eta')).toThrow(/eta: '-1'/);
    expect(() => parseSweepValues('1, 2.5', 'updateEvery')).toThrow(/^updateEvery: '2.5' is not allowed \(updateEvery must be a whole number ≥ 1, got 2.5\)$/);
    expect(() => parseSweepValues('0', 'hidden')).toThrow(/hidden: '0'/);
    for (const token of ['abc', '0x10', 'Infinity', '1e999', '1e-2e3', '--1']) {
      expect(() => parseSweepValues(`0.1, ${token}`, 'sigma')).toThrow(new RangeError(`sigma: '${token}' is not a number`));
    }
    expect(() => parseSweepValues(' , ', 'eta')).toThrow(/^eta: no values given$/);
  });
});

describe('planSweep', () => {
  const swept = space({ learningRate: [0.01, 0.001], sigma: [0.1, 0.2], eta: [0, 1], hidden: [64, 128] });

  it('grid, linear head: hidden collapses, and η 0 is planned once whatever σ (16 points → 6 runs)', () => {
    const runs = planSweep(base, swept, { kind: 'grid' });
    // [lr, updateEvery, σ, η, hidden], lr slowest, hidden fastest; (σ 0.2, η 0) = (σ 0.1, η 0).
    expect(points(runs)).toEqual([
      [0.01, 1, 0.1, 0, 64],
      [0.01, 1, 0.1, 1, 64],
      [0.01, 1, 0.2, 1, 64],
      [0.001, 1, 0.1, 0, 64],
      [0.001, 1, 0.1, 1, 64],
      [0.001, 1, 0.2, 1, 64],
    ]);
    for (const run of runs) expect({ ...run, learningRate: 0, sigma: 0, eta: 0, hidden: 0 }).toEqual({ ...base, learningRate: 0, sigma: 0, eta: 0, hidden: 0 });
    expect(sweepSize(base, swept)).toEqual({ points: 16, runs: 6 });
  });

  it('grid, MLP head: every hidden width is a run (16 points → 12 runs)', () => {
    const runs = planSweep({ ...base, head: 'mlp' }, swept, { kind: 'grid' });
    expect(points(runs).slice(0, 6)).toEqual([
      [0.01, 1, 0.1, 0, 64],
      [0.01, 1, 0.1, 0, 128],
      [0.01, 1, 0.1, 1, 64],
      [0.01, 1, 0.1, 1, 128],
      [0.01, 1, 0.2, 1, 64],
      [0.01, 1, 0.2, 1, 128],
    ]);
    expect(runs).toHaveLength(12);
  });

  it('merges updateEvery values that leave no update epoch (epochs 3, warm-up 2: only k = 1 updates, at epoch 3)', () => {
    const short = { ...base, epochs: 3 };
    const runs = planSweep(short, space({ updateEvery: [1, 2, 5], sigma: [0.2, 1] }), { kind: 'grid' });
    expect(points(runs)).toEqual([
      [base.learningRate, 1, 0.2, 1, 256],
      [base.learningRate, 1, 1, 1, 256],
      [base.learningRate, 2, 0.2, 1, 256],
    ]);
  });

  it('the unswept space is the base run', () => {
    expect(planSweep(base, sweepSpaceOf(base), { kind: 'grid' })).toEqual([base]);
  });

  it('refuses more than MAX_SWEEP_RUNS runs, saying how many the grid has', () => {
    const lr = Array.from({ length: 15 }, (_, k) => 0.001 * (k + 1));
    const sigma = Array.from({ length: 15 }, (_, k) => 0.1 * (k + 1));
    expect(() => planSweep(base, space({ learningRate: lr, sigma }), { kind: 'grid' })).toThrow(
      new RangeError(`the grid has 225 distinct runs (225 points); at most ${MAX_SWEEP_RUNS} — shorten a list or plan a random sweep`),
    );
    // The same space with η 0 alone is 15 runs (σ does not matter without updates).
    expect(planSweep(base, space({ learningRate: lr, sigma, eta: [0] }), { kind: 'grid' })).toHaveLength(15);
    // A random plan samples it.
    expect(planSweep(base, space({ learningRate: lr, sigma }), { kind: 'random', trials: 200, seed: 1 })).toHaveLength(200);
    expect(() => planSweep(base, space({ learningRate: lr, sigma }), { kind: 'random', trials: 201, seed: 1 })).toThrow(/201 trials .*225 distinct runs/);
  });

  it('random: distinct runs of the grid, seeded, a longer plan extending a shorter one', () => {
    const grid = planSweep(base, swept, { kind: 'grid' });
    const four = planSweep(base, swept, { kind: 'random', trials: 4, seed: 7 });
    expect(four).toHaveLength(4);
    expect(new Set(four.map((run) => JSON.stringify(run))).size).toBe(4);
    for (const run of four) expect(grid).toContainEqual(run);
    expect(planSweep(base, swept, { kind: 'random', trials: 4, seed: 7 })).toEqual(four);
    expect(planSweep(base, swept, { kind: 'random', trials: 2, seed: 7 })).toEqual(four.slice(0, 2));
    const all = planSweep(base, swept, { kind: 'random', trials: 100, seed: 7 });
    expect(all).toHaveLength(6);
    expect([...all].sort(byJson)).toEqual([...grid].sort(byJson));
    // Over many seeds, every run is drawn first sometimes (the draw is not stuck on one point).
    const firsts = new Set(Array.from({ length: 60 }, (_, seed) => JSON.stringify(planSweep(base, swept, { kind: 'random', trials: 1, seed })[0])));
    expect(firsts.size).toBe(6);
  });

  it('validates the base, the lists and the plan', () => {
    expect(() => planSweep({ ...base, epochs: 0 }, swept, { kind: 'grid' })).toThrow(/epochs must be/);
    expect(() => planSweep(base, space({ eta: [] }), { kind: 'grid' })).toThrow(/^eta: the list of values is empty$/);
    expect(() => planSweep(base, space({ sigma: [0.2, Infinity] }), { kind: 'grid' })).toThrow(/^sigma: Infinity is not a finite number$/);
    expect(() => planSweep(base, space({ hidden: [64, 0.5] }), { kind: 'grid' })).toThrow(/^hidden: 0.5 is not allowed/);
    expect(() => planSweep(base, swept, { kind: 'random', trials: 0, seed: 1 })).toThrow(/trials/);
    expect(() => planSweep(base, swept, { kind: 'random', trials: 2, seed: -1 })).toThrow(/seed/);
  });
});

const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

const figure = (epoch: number, loss: number, pseudoLabelMap: number | null, valMap: number | null): EpochFigures => ({
  epoch,
  loss,
  labelUpdate: epoch > 2,
  labelChange: epoch > 2 ? 0.01 : 0,
  pseudoLabelMap,
  valMap,
  heldOutLoss: null,
  heldOutMap: null,
});

describe('summariseRun', () => {
  it('takes the last epoch, the best of each curve and its first epoch', () => {
    const figures = [figure(1, 0.5, 80, 50), figure(2, 0.4, 85, 60), figure(3, 0.3, 85, 60), figure(4, 0.25, 82, 55)];
    expect(summariseRun('run-1', base, figures, 76)).toEqual({
      id: 'run-1',
      settings: base,
      epochs: 4,
      stoppedEarly: true,
      finalLoss: 0.25,
      initialPseudoLabelMap: 76,
      finalPseudoLabelMap: 82,
      bestPseudoLabelMap: 85,
      bestPseudoLabelEpoch: 2,
      pseudoLabelGain: 6,
      finalValMap: 55,
      bestValMap: 60,
      bestEpoch: 2,
      // No held-out loss in these figures: the run keeps its last epoch.
      keptEpoch: 4,
      keptValMap: 55,
    });
  });

  it('without val, truth or epochs: nulls', () => {
    const short = { ...base, epochs: 2 };
    const summary = summariseRun('r', short, [figure(1, 0.5, null, null), figure(2, Number.NaN, null, null)]);
    expect(summary).toMatchObject({ epochs: 2, stoppedEarly: false, bestValMap: null, bestEpoch: null, bestPseudoLabelMap: null, pseudoLabelGain: null });
    expect(summary.finalLoss).toBeNaN();
    expect(summariseRun('r', base, [])).toMatchObject({ epochs: 0, finalLoss: null, finalValMap: null, bestEpoch: null });
  });
});

describe('sortRuns', () => {
  const run = (id: string, bestValMap: number | null, finalLoss: number, settings: Partial<TrainingSettings> = {}): SweepRunSummary => ({
    ...summariseRun(id, { ...base, ...settings }, []),
    bestValMap,
    finalLoss,
  });
  const runs = [
    run('run-10', 60, 0.2),
    run('run-2', null, Number.NaN, { head: 'mlp', hidden: 64 }),
    run('run-3', 70, 0.3, { head: 'mlp', hidden: 32 }),
    run('run-1', 60, 0.1),
  ];
  const ids = (sorted: SweepRunSummary[]) => sorted.map((r) => r.id);

  it('nulls (and NaN) last in both directions, ties by id in natural order', () => {
    expect(ids(sortRuns(runs, 'bestValMap', 'desc'))).toEqual(['run-3', 'run-1', 'run-10', 'run-2']);
    expect(ids(sortRuns(runs, 'bestValMap', 'asc'))).toEqual(['run-1', 'run-10', 'run-3', 'run-2']);
    expect(ids(sortRuns(runs, 'finalLoss', 'asc'))).toEqual(['run-1', 'run-10', 'run-3', 'run-2']);
    expect(ids(sortRuns(runs, 'finalLoss', 'desc'))).toEqual(['run-3', 'run-10', 'run-1', 'run-2']);
    // hidden means nothing for the linear runs: — in the table, last in the order.
    expect(ids(sortRuns(runs, 'hidden', 'asc'))).toEqual(['run-3', 'run-2', 'run-1', 'run-10']);
    expect(ids(sortRuns(runs, 'hidden', 'desc'))).toEqual(['run-2', 'run-3', 'run-1', 'run-10']);
    expect(sweepRunValue(runs[0]!, 'hidden')).toBeNull();
    // All equal: id order.
    expect(ids(sortRuns(runs, 'learningRate', 'desc'))).toEqual(['run-1', 'run-2', 'run-3', 'run-10']);
  });

  it('by id, both ways, without touching the input', () => {
    const before = ids(runs);
    expect(ids(sortRuns(runs, 'id', 'asc'))).toEqual(['run-1', 'run-2', 'run-3', 'run-10']);
    expect(ids(sortRuns(runs, 'id', 'desc'))).toEqual(['run-10', 'run-3', 'run-2', 'run-1']);
    expect(ids(runs)).toEqual(before);
  });

  it('compareIds: digit runs as numbers, then plain order', () => {
    expect(['b', 'a10', 'a2', 'a02', 'a', 'a2b'].sort(compareIds)).toEqual(['a', 'a02', 'a2', 'a2b', 'a10', 'b']);
  });
});
