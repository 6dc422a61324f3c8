import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FILES } from '../../core/init-cache/cache-manifest';
import { runCliInProcess } from './run-cli';
import { createTempVoc, vocMiniIds } from './temp-voc';

const voc = createTempVoc('cdul-shards-');
const ids = vocMiniIds(12);
const cacheArgs = (out: string, extra: string[] = []) => [
  'cache', '--voc', voc.root, '--split', 'train', '--model', 'models/tiny-vit', '--grid', '2', '--out', out, '--chunk', '2', ...extra,
];
const files = Object.values(CACHE_FILES);
const bytes = (dir: string, name: string) => readFileSync(join(voc.root, dir, name));

beforeAll(async () => {
  for (const id of ids) voc.addVocMiniImage(id);
  voc.writeSplit('train', ids);
  const run = await runCliInProcess(cacheArgs(join(voc.root, 'whole')));
  expect(run.code, run.stderr).toBe(0);
}, 120_000);
afterAll(() => rmSync(voc.root, { recursive: true, force: true }));

describe('cdul cache --shard + cdul merge', () => {
  it('three shards merged equal one run over the whole split, byte for byte', async () => {
    const shardDirs = [0, 1, 2].map((index) => join(voc.root, `shard-${index}`));
    for (const [index, dir] of shardDirs.entries()) {
      const run = await runCliInProcess(cacheArgs(dir, ['--shard', `${index}/3`]));
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`4 images encoded.*shard ${index}/3`));
    }
    const merge = await runCliInProcess(['merge', '--out', join(voc.root, 'merged'), ...shardDirs.reverse()]);
    expect(merge.code, merge.stderr).toBe(0);
    expect(merge.stdout).toMatch(/3 shards, 12 images, 0 skipped/);
    for (const name of files) expect(bytes('merged', name).equals(bytes('whole', name)), name).toBe(true);
  }, 120_000);

  it('refuses an incomplete set of shards, naming what is missing', async () => {
    const run = await runCliInProcess(['merge', '--out', join(voc.root, 'bad'), join(voc.root, 'shard-0'), join(voc.root, 'shard-2')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/shards given: 0, 2 of 3; expected each of 0…2 once/);
  });

  it('rejects a malformed --shard', async () => {
    const run = await runCliInProcess(cacheArgs(join(voc.root, 'x'), ['--shard', '3/3']));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--shard expects i\/n with 0 ≤ i < n/);
  });
});

describe('Ctrl-C and resume', () => {
  it('stops after the current chunk on SIGINT (exit 130), and a rerun finishes with the same result', async () => {
    const out = join(voc.root, 'interrupted');
    // One node process (tsx as a loader), so the signal reaches the CLI itself as Ctrl-C would.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...cacheArgs(out, ['--chunk', '1'])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/cache: \d+\/12 images/.test(stderr)) resolve();
      });
    });
    child.kill('SIGINT');
    const code = await exited;
    expect(stderr).toMatch(/interrupted after \d+\/12 images; rerun the same command to resume/);
    expect(code).toBe(130);
    expect(existsSync(join(out, CACHE_FILES.manifest))).toBe(false);
    const finishedChunks = readdirSync(join(out, '.parts')).filter((name) => name.endsWith('.json') && name.startsWith('chunk-'));
    expect(finishedChunks.length).toBeGreaterThan(0);
    expect(finishedChunks.length).toBeLessThan(12);

    const rerun = await runCliInProcess(cacheArgs(out, ['--chunk', '1']));
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).toMatch(new RegExp(`cache: 12/12 images`));
    expect(existsSync(join(out, '.parts'))).toBe(false);
    for (const name of files) expect(bytes('interrupted', name).equals(bytes('whole', name)), name).toBe(true);
  }, 120_000);
});
