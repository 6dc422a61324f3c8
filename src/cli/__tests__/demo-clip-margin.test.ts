import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from './run-cli';

const DEMO = 'public/demo/voc-demo';
const out = mkdtempSync(join(tmpdir(), 'cdul-demo-'));

async function mAP(options: string[]): Promise<number> {
  const run = await runCliInProcess(['evaluate', '--voc', DEMO, '--split', 'val', '--source', 'cache', '--cache', out, '--json', ...options]);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { mAP: number }).mAP;
}

describe('demo-clip on the demo dataset (val, 100 images, 3×3 grid): the method’s point, measured', () => {
  beforeAll(async () => {
    const run = await runCliInProcess(['cache', '--voc', DEMO, '--split', 'val', '--model', 'models/demo-clip', '--grid', '3', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  // Measured 2026-11-27 (README): global 55.86, aggregate and final at ζ 0.1 and 0.5: 100.00.
  const MEASURED_MARGIN = 100 - 55.86;
  const TOLERANCE = 5;

  it('final pseudo labels beat global ones by the measured margin (within the tolerance)', async () => {
    const global = await mAP(['--mode', 'global']);
    expect(global).toBeCloseTo(55.86, 1);
    for (const thresh of ['0.1', '0.5']) {
      const final = await mAP(['--mode', 'final', '--thresh', thresh]);
      expect(final - global).toBeGreaterThan(MEASURED_MARGIN - TOLERANCE);
    }
  });

  it('the aggregate alone recovers the small objects the global view misses', async () => {
    expect(await mAP(['--mode', 'aggregate', '--thresh', '0.5'])).toBeGreaterThan(95);
  });
});
