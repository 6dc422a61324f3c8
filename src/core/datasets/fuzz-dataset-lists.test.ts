import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFolderCopy, writeNusWideCopy } from '../../../scripts/dataset-fixtures/voc-layouts';
import { runFuzz, tallyLine, type FuzzInput } from '../formats/__fixtures__/fuzz/fuzz-run';
import { memorySource } from './__fixtures__/memory-source';
import { openDataset } from './open-dataset';

const dir = mkdtempSync(join(tmpdir(), 'cdul-fuzz-lists-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A layout written by the dataset fixtures' writer, in memory: its text files real, its photos stubs. */
function layoutFiles(root: string): Record<string, Uint8Array | string> {
  const walk = (at: string): string[] => readdirSync(at).flatMap((name) => (statSync(join(at, name)).isDirectory() ? walk(join(at, name)) : [join(at, name)]));
  return Object.fromEntries(walk(root).map((path) => [relative(root, path), path.endsWith('.jpg') ? 'x' : new Uint8Array(readFileSync(path))]));
}

let nus: Record<string, Uint8Array | string>;
let folder: Record<string, Uint8Array | string>;
beforeAll(async () => {
  await writeNusWideCopy('e2e/fixtures/voc-mini', join(dir, 'nus'));
  await writeFolderCopy('e2e/fixtures/voc-mini', join(dir, 'folder'));
  nus = layoutFiles(join(dir, 'nus'));
  folder = layoutFiles(join(dir, 'folder'));
});

const textInputs = (files: Record<string, Uint8Array | string>, paths: readonly string[]): FuzzInput[] =>
  paths.map((file) => ({ file, bytes: files[file] as Uint8Array, text: true }));
/** A DataError names the damaged list, or the folder with the list named in the problem. */
const namesList = (error: { file: string; problem: string }, input: FuzzInput) => error.file.endsWith(input.file) || error.problem.includes(input.file.split('/').pop()!);

describe('fuzzed dataset lists (NUS-WIDE, a plain folder): a dataset or a DataError naming the file', () => {
  it('NUS-WIDE: Concepts81.txt, the image lists and label files damaged one at a time', async () => {
    const inputs = textInputs(nus, ['Concepts81.txt', 'ImageList/TrainImagelist.txt', ...['person', 'dog', 'aeroplane'].map((c) => `Groundtruth/TrainTestLabels/Labels_${c}_Train.txt`)]);
    let partial = 0;
    let labelFileNamed = 0;
    // A damaged concept or image list no longer matches the label files: the one that disagrees is named
    // ("Labels_bir$_Train.txt: file not found", "… 100 labels for 69 listed images"), counted apart.
    const namesListOrLabels = (error: { file: string; problem: string }, input: FuzzInput) =>
      namesList(error, input) || (!input.file.startsWith('Groundtruth/') && error.file.startsWith('nus/Groundtruth/TrainTestLabels/') && ++labelFileNamed > 0);
    const tally = await runFuzz({
      seed: 30_000,
      cases: 150,
      inputs,
      names: namesListOrLabels,
      read: async (bytes, input) => {
        const { dataset } = await openDataset(memorySource({ ...nus, [input.file]: bytes }, 'nus'), { format: 'nus-wide', split: 'train' });
        if (dataset.ids.length < 100) partial++;
      },
    });
    console.log(`${tallyLine('NUS-WIDE lists', tally)}; ${partial} loaded with some images left out; ${labelFileNamed} DataErrors name the label file a damaged list disagrees with`);
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBeGreaterThan(0);
    expect(tally.dataErrors).toBeGreaterThan(0);
  });

  it('a plain folder: classes.txt damaged', async () => {
    const tally = await runFuzz({
      seed: 31_000,
      cases: 100,
      inputs: textInputs(folder, ['classes.txt']),
      names: namesList,
      read: async (bytes, input) => {
        const { dataset } = await openDataset(memorySource({ ...folder, [input.file]: bytes }, 'photos'));
        if (dataset.ids.length !== 100) throw new Error(`${dataset.ids.length} photos of 100`);
      },
    });
    console.log(tallyLine('folder classes.txt', tally));
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBeGreaterThan(0);
    expect(tally.dataErrors).toBeGreaterThan(0);
  });
});
