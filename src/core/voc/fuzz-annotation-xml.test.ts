import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../datasets/__fixtures__/memory-source';
import { openDataset } from '../datasets/open-dataset';
import { runFuzz, tallyLine, type FuzzInput } from '../formats/__fixtures__/fuzz/fuzz-run';
import { parseAnnotationXml } from './annotation-xml';

const VOC = 'e2e/fixtures/voc-mini';
const names = readdirSync(join(VOC, 'Annotations')).sort();
/** voc-mini's real annotation files (VOC 2007/2012 XML). */
const inputs: FuzzInput[] = names.map((name) => ({
  file: `Annotations/${name}`,
  bytes: new Uint8Array(readFileSync(join(VOC, 'Annotations', name))),
  text: true,
}));

describe('fuzzed VOC annotation XML: an annotation or a DataError naming the file', () => {
  it('parseAnnotationXml on cut, flipped, padded files and swapped or replaced tags and values', async () => {
    const tally = await runFuzz({ seed: 21_000, cases: 500, inputs, read: (bytes, input) => parseAnnotationXml(new TextDecoder().decode(bytes), input.file) });
    console.log(tallyLine('VOC annotation XML', tally));
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBeGreaterThan(0);
    expect(tally.dataErrors).toBeGreaterThan(0);
  });
});

/** 12 of voc-mini's images, their annotations real; the photos' bytes do not matter to the labels. */
const folder = Object.fromEntries(
  inputs.slice(0, 12).flatMap((input) => [
    [input.file, input.bytes],
    [`JPEGImages/${input.file.slice('Annotations/'.length, -'.xml'.length)}.jpg`, 'x'],
  ]),
);
const ids = inputs.slice(0, 12).map((input) => input.file.slice('Annotations/'.length, -'.xml'.length));

describe('a VOC folder with one fuzzed annotation among 12: the other 11 still load', () => {
  it('openDataset loads every other image; the damaged one loads too, or is skipped naming its file', async () => {
    let skippedCases = 0;
    const tally = await runFuzz({
      seed: 22_000,
      cases: 150,
      inputs: inputs.slice(0, 12),
      read: async (bytes, input) => {
        const { dataset } = await openDataset(memorySource({ ...folder, [input.file]: bytes }, 'voc-mini'));
        const loaded = dataset.ids.map(String);
        const damaged = input.file.slice('Annotations/'.length, -'.xml'.length);
        const others = ids.filter((id) => id !== damaged);
        if (!others.every((id) => loaded.includes(id))) throw new Error(`lost other images: loaded ${dataset.ids.join(' ')}`);
        const skip = dataset.skipped.find((item) => item.id === damaged);
        if (dataset.skipped.length !== (skip ? 1 : 0)) throw new Error(`skipped other images: ${JSON.stringify(dataset.skipped)}`);
        if (skip && !skip.reason.startsWith(`${input.file}: `)) throw new Error(`skip reason does not name the file: ${skip.reason}`);
        if (!skip && !loaded.includes(damaged)) throw new Error('the damaged image is neither loaded nor skipped');
        if (skip) skippedCases++;
      },
    });
    console.log(`${tallyLine('VOC folder, one damaged annotation of 12', tally)}; the damaged image skipped in ${skippedCases}`);
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBe(150);
    expect(skippedCases).toBeGreaterThan(0);
  });
});
