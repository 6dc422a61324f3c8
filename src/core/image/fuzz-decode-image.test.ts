import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeJpegCodec } from '../../cli/image/node-jpeg-codec';
import { memorySource } from '../datasets/__fixtures__/memory-source';
import { runFuzz, tallyLine, type FuzzInput } from '../formats/__fixtures__/fuzz/fuzz-run';
import { mutate } from '../formats/__fixtures__/fuzz/mutate';
import { prepareChunk, type ChunkSettings } from '../initialization/prepare-chunk';
import { decodeImage } from './decode-image';

const REF = 'e2e/fixtures/preprocess-reference';
const codec = nodeJpegCodec();
const fixture = (dir: string, name: string): FuzzInput => ({ file: name, bytes: new Uint8Array(readFileSync(join(dir, name))) });
/** Small real JPEGs of every variant the decoder takes (baseline 4:2:0 and 4:4:4, progressive, grey, Adobe CMYK), and two VOC photos. */
const jpegs = [
  ...['rgb420.jpg', 'rgb444.jpg', 'progressive.jpg', 'grey.jpg', 'cmyk.jpg'].map((name) => fixture(REF, name)),
  ...['2007_000032.jpg', 'variant_odd_size.jpg'].map((name) => fixture('e2e/fixtures/pillow-decode/jpeg', name)),
];
/** Every PNG colour type and depth the fixtures hold: RGB(A) 8/16, grey, grey+alpha, palettes, 1-bit, Adam7. */
const pngs = readdirSync(REF).filter((name) => name.endsWith('.png')).sort().map((name) => fixture(REF, name));

/** A decoded image is whole: width × height pixels of RGB. */
function decodeWhole(bytes: Uint8Array, input: FuzzInput): void {
  const image = decodeImage(bytes, input.file, codec);
  if (image.data.length !== image.width * image.height * 3) throw new Error(`${image.width}×${image.height} with ${image.data.length} bytes`);
}

describe('fuzzed JPEG and PNG files: pixels or a DataError naming the file', () => {
  it('JPEG: headers and entropy-coded data cut, flipped, padded and swapped', async () => {
    const tally = await runFuzz({ seed: 25_000, cases: 300, inputs: jpegs, read: decodeWhole });
    console.log(tallyLine('JPEG', tally));
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBeGreaterThan(0);
    expect(tally.dataErrors).toBeGreaterThan(0);
  });

  it('PNG: signature, IHDR, chunk lengths, CRCs and zlib data cut, flipped, padded and swapped', async () => {
    const tally = await runFuzz({ seed: 26_000, cases: 300, inputs: pngs, read: decodeWhole });
    console.log(tallyLine('PNG', tally));
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBeGreaterThan(0);
    expect(tally.dataErrors).toBeGreaterThan(0);
  });
});

/** Rewrites every chunk's CRC that still fits in the file, so damage inside a chunk reaches the decoder. */
function withValidCrcs(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let at = 8; at + 12 <= out.length; ) {
    const length = view.getUint32(at);
    if (at + 12 + length > out.length) break;
    view.setUint32(at + 8 + length, crc32(out.subarray(at + 4, at + 8 + length)));
    at += 12 + length;
  }
  return out;
}

describe('fuzzed PNG chunk contents behind valid CRCs', () => {
  it('IHDR values, palettes, zlib streams and filter bytes damaged, CRCs recomputed: pixels or a DataError', async () => {
    const tally = await runFuzz({
      seed: 28_000,
      cases: 300,
      inputs: pngs,
      read: decodeWhole,
      damage: (input, random) => {
        const { bytes, steps } = mutate(input.bytes, random);
        return { bytes: withValidCrcs(bytes), steps: [...steps, 'CRCs recomputed'] };
      },
    });
    console.log(tallyLine('PNG (valid CRCs)', tally));
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBeGreaterThan(0);
    expect(tally.dataErrors).toBeGreaterThan(0);
  });
});

/** Small crops keep each case quick; the decoding is what is fuzzed. */
const settings: ChunkSettings = { grid: 1, config: { inputSize: 16, resizeShortestEdge: 16, cropSize: 16, mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] } };
const chunkInputs = [...jpegs.slice(0, 5), ...pngs.slice(0, 3)].map((input) => ({ ...input, file: `images/${input.file}` }));

describe('a chunk of 8 images with one fuzzed file: the other 7 are still prepared', () => {
  it('prepareChunk keeps every other image; the damaged one is prepared too, or skipped naming its file', async () => {
    const files = Object.fromEntries(chunkInputs.map((input) => [input.file, input.bytes]));
    const ids = chunkInputs.map((input) => input.file);
    let skippedCases = 0;
    const tally = await runFuzz({
      seed: 27_000,
      cases: 120,
      inputs: chunkInputs,
      read: async (bytes, input) => {
        const source = memorySource({ ...files, [input.file]: bytes }, 'photos');
        const chunk = await prepareChunk(source, new Map(ids.map((id) => [id, id])), 0, ids, settings, codec);
        const others = ids.filter((id) => id !== input.file);
        if (!others.every((id) => chunk.ids.includes(id))) throw new Error(`lost other images: kept ${chunk.ids.join(' ')}`);
        const skip = chunk.skipped[0];
        if (chunk.skipped.length > 1 || (skip && skip.id !== input.file)) throw new Error(`skipped others: ${JSON.stringify(chunk.skipped)}`);
        if (skip && !skip.reason.startsWith(`photos/${input.file}: `)) throw new Error(`skip reason does not name the file: ${skip.reason}`);
        if (chunk.pixels.length !== chunk.ids.length * 3 * 16 * 16 * 2) throw new Error(`${chunk.pixels.length} values for ${chunk.ids.length} images`);
        if (skip) skippedCases++;
      },
    });
    console.log(`${tallyLine('chunk of 8 images, one damaged', tally)}; the damaged image skipped in ${skippedCases}`);
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBe(120);
    expect(skippedCases).toBeGreaterThan(0);
  });
});
