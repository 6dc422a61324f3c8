import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCocoCopy } from '../../../scripts/dataset-fixtures/voc-layouts';
import { memorySource } from '../datasets/__fixtures__/memory-source';
import { runFuzz, tallyLine, type FuzzInput } from '../formats/__fixtures__/fuzz/fuzz-run';
import { parseCocoInstances } from './coco-instances';
import { loadCocoDataset } from './load-coco-dataset';

const INSTANCES = 'annotations/instances_val2017.json';
let input: FuzzInput;
let images: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'cdul-fuzz-coco-'));

beforeAll(async () => {
  // voc-mini rewritten as COCO 2017 (the dataset fixtures' own writer): the real instances file.
  await writeCocoCopy('e2e/fixtures/voc-mini', dir);
  input = { file: INSTANCES, bytes: new Uint8Array(readFileSync(join(dir, INSTANCES))), text: true };
  images = Object.fromEntries(readdirSync(join(dir, 'val2017')).map((name) => [`val2017/${name}`, 'x']));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A DataError names the instances file, or the folder with the file named in the problem. */
const namesInstances = (error: { file: string; problem: string }) => error.file.endsWith(INSTANCES) || error.problem.includes(INSTANCES);

describe('a fuzzed COCO instances file: a dataset or a DataError naming the file', () => {
  it('parseCocoInstances on cut, flipped, padded JSON and swapped or retyped keys and values', async () => {
    const tally = await runFuzz({ seed: 23_000, cases: 300, inputs: [input], read: (bytes, { file }) => parseCocoInstances(new TextDecoder().decode(bytes), file) });
    console.log(tallyLine('COCO instances JSON', tally));
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBeGreaterThan(0);
    expect(tally.dataErrors).toBeGreaterThan(0);
  });

  it('loadCocoDataset over the 100 images: bad entries are left out with a warning, the rest load', async () => {
    let partial = 0;
    const tally = await runFuzz({
      seed: 24_000,
      cases: 200,
      inputs: [input],
      names: namesInstances,
      read: async (bytes) => {
        const dataset = await loadCocoDataset(memorySource({ [INSTANCES]: bytes, ...images }, 'coco'));
        if (dataset.ids.length + dataset.skipped.length === 0) throw new Error('a dataset of no images');
        if (dataset.ids.length < 100) partial++;
      },
    });
    console.log(`${tallyLine('COCO folder', tally)}; ${partial} loaded with some images left out`);
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBeGreaterThan(0);
  });
});
