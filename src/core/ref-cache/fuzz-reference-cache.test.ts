import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../datasets/__fixtures__/memory-source';
import { runFuzz, tallyLine, type FuzzInput } from '../formats/__fixtures__/fuzz/fuzz-run';
import { asImageId } from '../types';
import { loadReferenceCache } from './load-reference-cache';

const SEED = 'e2e/fixtures/seed-cache-sample';
const MODEL = 'clip_cache/model_RN50x64';
const DIRS = ['global', 'num_patches_3/alpha', 'num_patches_3/beta'];
/** The seed cache's 60 images × (global, α, β): 180 real .pt files, in memory. */
const inputs: FuzzInput[] = DIRS.flatMap((dir) =>
  readdirSync(join(SEED, MODEL, dir)).sort().map((name) => ({ file: `${MODEL}/${dir}/${name}`, bytes: new Uint8Array(readFileSync(join(SEED, MODEL, dir, name))) })),
);
const ids = readdirSync(join(SEED, MODEL, 'global')).sort().map((name) => asImageId(name.slice(0, -'.pt'.length)));
const files = Object.fromEntries(inputs.map((input) => [input.file, input.bytes]));

describe('a reference cache with one fuzzed .pt among 180: the other images still load', () => {
  it('loadReferenceCache loads the 59 others; the damaged image loads too, or is skipped naming its file', async () => {
    let skippedCases = 0;
    const tally = await runFuzz({
      seed: 29_000,
      cases: 120,
      inputs,
      read: async (bytes, input) => {
        const source = memorySource({ ...files, [input.file]: bytes }, 'voc');
        const loaded = await loadReferenceCache(source, MODEL, ids, { grid: 3, classCount: 20 });
        const damaged = input.file.slice(input.file.lastIndexOf('/') + 1, -'.pt'.length);
        if (!ids.every((id) => id === damaged || loaded.ids.includes(id))) throw new Error(`lost other images: ${loaded.skipped.map((s) => s.id).join(' ')}`);
        const skip = loaded.skipped[0];
        if (loaded.skipped.length > 1 || (skip && skip.id !== damaged)) throw new Error(`skipped others: ${JSON.stringify(loaded.skipped)}`);
        if (skip && !skip.reason.startsWith(`voc/${input.file}: `)) throw new Error(`skip reason does not name the file: ${skip.reason}`);
        if (loaded.inputs.global.rows !== loaded.ids.length) throw new Error('rows and ids differ');
        if (skip) skippedCases++;
      },
    });
    console.log(`${tallyLine('reference cache, one damaged .pt of 180', tally)}; the damaged image skipped in ${skippedCases}`);
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBe(120);
    expect(skippedCases).toBeGreaterThan(0);
  });
});
