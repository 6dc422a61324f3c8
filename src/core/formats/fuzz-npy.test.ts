import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFuzz, tallyLine, type FuzzInput } from './__fixtures__/fuzz/fuzz-run';
import { decodeNpy, encodeNpy, viewNpy } from './npy';
import { readClassVector } from './torch-pt';

const MODEL = 'e2e/fixtures/seed-cache-sample/clip_cache/model_RN50x64';

/** The reference cache's real vectors of one kind, as the [images, 20] array `cdul cache` would write. */
function npyOf(dir: string): FuzzInput {
  const names = readdirSync(join(MODEL, dir)).sort();
  const rows = names.map((name) => readClassVector(new Uint8Array(readFileSync(join(MODEL, dir, name))), name, 20));
  const data = new Float32Array(rows.length * 20);
  rows.forEach((row, i) => data.set(row, i * 20));
  return { file: `${dir.replace(/\//g, '_')}.npy`, bytes: encodeNpy(data, [rows.length, 20]) };
}

const inputs: FuzzInput[] = [
  npyOf('global'),
  npyOf('num_patches_3/alpha'),
  // A 3-D array and a 1-D one: other shape texts in the header.
  { file: 'local.npy', bytes: encodeNpy(Float32Array.from({ length: 4 * 9 * 5 }, (_, i) => Math.sin(i)), [4, 9, 5]) },
  { file: 'text_embeds.npy', bytes: encodeNpy(Float32Array.from({ length: 7 }, (_, i) => i / 7), [7]) },
];

describe('fuzzed .npy arrays: an array or a DataError naming the file', () => {
  it('decodeNpy and viewNpy on cut, flipped, padded and swapped files', async () => {
    const tally = await runFuzz({
      seed: 18_000,
      cases: 400,
      inputs,
      read: (bytes, input, random) => {
        const array = random() < 0.5 ? decodeNpy(bytes, input.file) : viewNpy(bytes, input.file);
        // Whatever is returned is consistent: the shape holds exactly the data.
        if (array.data.length !== array.shape.reduce((a, n) => a * n, 1)) throw new Error(`shape [${array.shape}] with ${array.data.length} values`);
      },
    });
    console.log(tallyLine('.npy', tally));
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBeGreaterThan(0);
    expect(tally.dataErrors).toBeGreaterThan(0);
  });
});

describe('what the fuzzing found in the .npy reader', () => {
  it('a version 2.0 header of 300 kB (a damaged length field in a large file) is read, not a stack overflow', () => {
    const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }`;
    const header = `${dict.padEnd(300_000 - 1)}\n`;
    const bytes = new Uint8Array(12 + header.length + 8);
    bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 2, 0]);
    new DataView(bytes.buffer).setUint32(8, header.length, true);
    for (let i = 0; i < header.length; i++) bytes[12 + i] = header.charCodeAt(i);
    new DataView(bytes.buffer).setFloat32(12 + header.length + 4, 1.5, true);
    expect(decodeNpy(bytes, 'big-header.npy')).toEqual({ shape: [2], data: Float32Array.from([0, 1.5]) });
  });
});
