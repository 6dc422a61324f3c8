import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED, evaluateArgs, runCliInProcess, runCliProcess } from './run-cli';

/** Computed independently (sklearn-style step-wise AP) and shipped with the fixture. */
const expected = JSON.parse(readFileSync(`${SEED}/expected-map.json`, 'utf8')) as Record<string, number>;

describe('cdul evaluate on the reference reproduction’s published caches (seed-cache-sample)', () => {
  const cases: [string, Record<string, string>][] = [
    ['global', { mode: 'global' }],
    ['aggregate@0', { mode: 'aggregate', thresh: '0' }],
    ['final@0', { mode: 'final', thresh: '0' }],
    ['aggregate@0.1', { mode: 'aggregate', thresh: '0.1' }],
    ['final@0.1', { mode: 'final', thresh: '0.1' }],
  ];

  it.each(cases)('reproduces expected-map.json %s to 1e-6 through `npm run -s cdul`', (key, options) => {
    const run = runCliProcess(evaluateArgs(options));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { mAP: number; images: number; evaluatedClasses: number; skipped: unknown[] };
    expect(Math.abs(report.mAP - expected[key]!)).toBeLessThan(1e-6);
    expect(report.images).toBe(expected.images);
    expect(report.evaluatedClasses).toBe(expected.classes_with_positives);
    expect(report.skipped).toEqual([]);
  });

  it('names the class without positives and keeps every JSON key the issue asks for', async () => {
    const run = await runCliInProcess(evaluateArgs({ mode: 'final', thresh: '0.1' }));
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    for (const key of ['mAP', 'ap', 'images', 'classes', 'skipped']) expect(report).toHaveProperty(key);
    expect(report.classesWithoutPositives).toEqual(['pottedplant']);
    expect((report.ap as Record<string, number | null>).pottedplant).toBeNull();
    expect(report.classes).toHaveLength(20);
  });

  it('sweeps ζ from the cached α/β: ζ = 0 is α, every ζ ≥ 0.1 collapses to β (the temperature pitfall)', async () => {
    const run = await runCliInProcess(evaluateArgs({ mode: 'aggregate', sweep: '0:0.4:0.1' }));
    const report = JSON.parse(run.stdout) as { sweep: { thresh: number; mAP: number }[]; thresh: number; mAP: number };
    expect(report.sweep.map((point) => point.thresh)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(report.sweep[0]!.mAP).toBeCloseTo(expected['aggregate@0']!, 6);
    for (const point of report.sweep.slice(1)) expect(point.mAP).toBeCloseTo(expected['aggregate@0.1']!, 6);
    expect(report.thresh).toBe(0);
    expect(report.mAP).toBeCloseTo(expected['aggregate@0']!, 6);
  });

  it('prints a readable table without --json', async () => {
    const run = await runCliInProcess(evaluateArgs({ mode: 'final', thresh: '0.1' }, []));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/mode final · ζ 0\.1 · λ 0/);
    expect(run.stdout).toMatch(/AP step-wise \(sklearn\) · difficult positive/);
    expect(run.stdout).toMatch(/no AP: pottedplant/);
    expect(run.stdout).toMatch(new RegExp(`mAP\\s+${expected['final@0.1']!.toFixed(2)}`));
  });

  it('other AP conventions and λ give different, valid numbers', async () => {
    const settings: Record<string, string>[] = [
      { mode: 'final', thresh: '0', ap: 'voc07' },
      { mode: 'final', thresh: '0', ap: 'voc10' },
      { mode: 'final', thresh: '0', lambda: '1' },
    ];
    const results = await Promise.all(
      settings.map(async (options) => (JSON.parse((await runCliInProcess(evaluateArgs(options))).stdout) as { mAP: number }).mAP),
    );
    for (const mAP of results) {
      expect(mAP).toBeGreaterThan(0);
      expect(mAP).toBeLessThanOrEqual(100);
      expect(mAP).not.toBeCloseTo(expected['final@0']!, 6);
    }
  });
});
