import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PSEUDO_LABEL_MODES } from '../../core/evaluation/pseudo-label-modes';
import { SEED, evaluateArgs, runCliInProcess, runCliProcess } from './run-cli';

/** Computed independently (sklearn-style step-wise AP) and shipped with the fixture. */
const expected = JSON.parse(readFileSync(`${SEED}/expected-map.json`, 'utf8')) as Record<string, number>;
const WARNING = 'warning: --thresh 0.1 ignored: ζ does not apply to --mode global';

describe('cdul evaluate in a loop over the modes with one --thresh', () => {
  it('global warns on stderr that ζ does not apply, exits 0 and gives the global mAP (real process)', () => {
    const run = runCliProcess(evaluateArgs({ mode: 'global', thresh: '0.1' }));
    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toBe(WARNING);
    const report = JSON.parse(run.stdout) as { mAP: number; thresh: number | null };
    expect(Math.abs(report.mAP - expected.global!)).toBeLessThan(1e-6);
    expect(report.thresh).toBeNull();
  });

  it.each(PSEUDO_LABEL_MODES)('%s: exit 0, the warning only for global, the same mAP as the fixture', async (mode) => {
    const run = await runCliInProcess(evaluateArgs({ mode, thresh: '0.1' }));
    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toBe(mode === 'global' ? WARNING : '');
    const report = JSON.parse(run.stdout) as { mAP: number };
    const key = mode === 'global' ? 'global' : `${mode}@0.1`;
    expect(Math.abs(report.mAP - expected[key]!)).toBeLessThan(1e-6);
  });

  it('the text report too: the warning on stderr, the result on stdout', async () => {
    const run = await runCliInProcess(evaluateArgs({ mode: 'global', thresh: '0.1' }, []));
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(WARNING);
    expect(run.stdout).not.toContain('warning');
  });
});
