import { readdirSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { DataError } from '../data-error';
import { readClassVector, readTorchTensor } from './torch-pt';
import { strToU8, zipSync } from 'fflate';
import { floats, pickleOf, ptFile, tensorCall, type Py, type TensorSpec } from './__fixtures__/torch-pt-builder';

const ROOT = 'e2e/fixtures/seed-cache-sample/clip_cache/model_RN50x64';
const FOLDERS = ['global', 'num_patches_3/alpha', 'num_patches_3/beta', 'num_patches_3/thresh_0/aggregate',
  'num_patches_3/thresh_0.1/aggregate'];
const IDS = readdirSync(`${ROOT}/global`).map((name) => name.replace(/\.pt$/, '')).sort();

const load = (folder: string, id: string) => new Uint8Array(readFileSync(`${ROOT}/${folder}/${id}.pt`));

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Reads an uncompressed zip entry straight from the central directory, independently of fflate. */
function rawEntry(file: Uint8Array, name: string): Uint8Array {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let eocd = file.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const entryName = new TextDecoder().decode(file.subarray(at + 46, at + 46 + nameLength));
    if (entryName === name) {
      expect(view.getUint16(at + 10, true)).toBe(0); // stored, not deflated
      const local = view.getUint32(at + 42, true);
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      return file.subarray(start, start + view.getUint32(at + 20, true));
    }
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  throw new Error(`no ${name}`);
}
function rawFloats(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return range(bytes.length / 4).map((i) => view.getFloat32(i * 4, true));
}

describe('readTorchTensor on the reference CLIP caches', () => {
  it('reads global/2008_001310.pt, a [20] view at offset 120 of a 160-value storage', () => {
    const bytes = load('global', '2008_001310');
    const tensor = readTorchTensor(bytes, '2008_001310.pt');
    expect(tensor.shape).toEqual([20]);
    const storage = rawFloats(rawEntry(bytes, '2008_001310/data/0'));
    expect(storage).toHaveLength(160);
    expect(Array.from(tensor.data)).toEqual(storage.slice(120, 140));
    // Values printed by Python's struct.unpack('<160f', ...)[120:140].
    expect(tensor.data[0]).toBe(0.05008707195520401);
    expect(tensor.data[2]).toBe(0.049971986562013626);
    expect(tensor.data[19]).toBe(0.05000266432762146);
  });

  it('reads every fixture file, each a row of its raw storage, with the shape its folder uses', () => {
    for (const folder of FOLDERS) {
      for (const id of IDS) {
        const bytes = load(folder, id);
        const tensor = readTorchTensor(bytes, id);
        expect(tensor.shape).toEqual(folder.endsWith('alpha') || folder.endsWith('beta') ? [1, 20] : [20]);
        const storage = rawFloats(rawEntry(bytes, `${id}/data/0`));
        const rows = range(storage.length / 20).map((row) => storage.slice(row * 20, row * 20 + 20));
        expect(rows).toContainEqual(Array.from(tensor.data));
      }
    }
  });

  it('reads global vectors that are softmaxes (sum to 1, near-uniform)', () => {
    for (const id of IDS) {
      const data = readClassVector(load('global', id), id, 20);
      expect(data.reduce((sum, v) => sum + v, 0)).toBeCloseTo(1, 5);
      for (const v of data) expect(Math.abs(v - 0.05)).toBeLessThan(0.01);
    }
  });

  it('reads [1, 20] and [20] files alike: aggregate at threshold 0 is alpha, at 0.1 is beta', () => {
    for (const id of IDS) {
      const vector = (folder: string) => Array.from(readClassVector(load(folder, id), id, 20));
      expect(vector('num_patches_3/thresh_0/aggregate')).toEqual(vector('num_patches_3/alpha'));
      expect(vector('num_patches_3/thresh_0.1/aggregate')).toEqual(vector('num_patches_3/beta'));
    }
  });

  it('reads different rows of two batch-mates whose storages are byte-identical', () => {
    const a = load('global', '2008_002103');
    const b = load('global', '2008_002118');
    expect(rawEntry(a, '2008_002103/data/0')).toEqual(rawEntry(b, '2008_002118/data/0'));
    const storage = rawFloats(rawEntry(a, '2008_002103/data/0'));
    expect(Array.from(readTorchTensor(a, 'a').data)).toEqual(storage.slice(0, 20));
    expect(Array.from(readTorchTensor(b, 'b').data)).toEqual(storage.slice(80, 100));
  });

  it('builds the same data.pkl bytes torch.save wrote (so the synthetic files below are faithful)', () => {
    const real = rawEntry(load('global', '2008_001310'), '2008_001310/data.pkl');
    expect(pickleOf(tensorCall({ numel: 160, offset: 120, size: [20] }))).toEqual(real);
  });
});

describe('readTorchTensor on synthetic files', () => {
  const storage = floats(range(12));

  it('applies general strides, offsets, zero strides, scalars and empty views', () => {
    const read = (spec: TensorSpec) => readTorchTensor(ptFile(pickleOf(tensorCall(spec)), storage), 't.pt');
    expect(read({ numel: 12, size: [3, 4] }).data).toEqual(Float32Array.from(range(12)));
    expect(read({ numel: 12, size: [3, 2], stride: [1, 3] }).data).toEqual(Float32Array.of(0, 3, 1, 4, 2, 5));
    const skipping = read({ numel: 12, offset: 1, size: [2, 2], stride: [4, 2] });
    expect(skipping.data).toEqual(Float32Array.of(1, 3, 5, 7));
    const expanded = read({ numel: 12, offset: 2, size: [2, 3], stride: [0, 1] });
    expect(expanded.data).toEqual(Float32Array.of(2, 3, 4, 2, 3, 4));
    const scalar = read({ numel: 12, offset: 11, size: [], stride: [] });
    expect(scalar).toEqual({ shape: [], data: Float32Array.of(11) });
    expect(read({ numel: 12, offset: 12, size: [0, 5] }).data).toHaveLength(0);
  });

  it('returns a fresh array and reads bytes that sit at an odd offset of a larger buffer', () => {
    const file = ptFile(pickleOf(tensorCall({ numel: 12, offset: 3, size: [4] })), storage);
    const padded = new Uint8Array(file.length + 1);
    padded.set(file, 1);
    const tensor = readTorchTensor(padded.subarray(1), 'odd.pt');
    expect(tensor.data).toEqual(Float32Array.of(3, 4, 5, 6));
    expect(tensor.data.buffer.byteLength).toBe(16);
  });

  it('unwraps an nn.Parameter and accepts an explicit little-endian byteorder record', () => {
    const rebuild: Py = { global: ['torch._utils', '_rebuild_parameter'] };
    const parameter: Py = { call: [rebuild, [tensorCall({ numel: 12, size: [2] }), true, null]] };
    const file = ptFile(pickleOf(parameter), storage, { byteorder: 'little' });
    expect(readTorchTensor(file, 'p.pt').data).toEqual(Float32Array.of(0, 1));
  });

  it('reads a class vector of shape [C] or [1, C]', () => {
    const vector = ptFile(pickleOf(tensorCall({ numel: 12, size: [12] })), storage);
    const row = ptFile(pickleOf(tensorCall({ numel: 12, size: [1, 12] })), storage);
    expect(readClassVector(vector, 'v.pt', 12)).toEqual(Float32Array.from(range(12)));
    expect(readClassVector(row, 'r.pt', 12)).toEqual(Float32Array.from(range(12)));
  });
});

describe('readTorchTensor rejects malformed files with a DataError naming the file', () => {
  const file = 'clip_cache/global/x.pt';
  const expectProblem = (run: () => unknown, problem: string) => {
    let caught: unknown;
    try {
      run();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataError);
    expect((caught as DataError).message).toBe(`${file}: ${problem}`);
    expect((caught as DataError).file).toBe(file);
  };
  const tensorFile = (spec: TensorSpec, bytes: Uint8Array) => ptFile(pickleOf(tensorCall(spec)), bytes);
  const read = (bytes: Uint8Array) => () => readTorchTensor(bytes, file);

  it('rejects files that are not zip archives', () => {
    const random = Uint8Array.from(range(64), (i) => (i * 73 + 41) % 256);
    expectProblem(read(random), 'not a PyTorch file: not a zip archive');
    expectProblem(read(new Uint8Array()), 'not a PyTorch file: the file is empty');
    expectProblem(
      read(Uint8Array.of(0x80, 0x02, 0x8a, 0x0a)),
      'legacy (pre-1.6) PyTorch file format is not supported, only the zip one',
    );
    const cut = tensorFile({ numel: 12, size: [12] }, floats(range(12))).subarray(0, 100);
    expectProblem(read(cut), 'not a PyTorch file: damaged zip archive (invalid zip data)');
  });

  it('rejects a zip without data.pkl, and one missing its storage record', () => {
    const noPickle = zipSync({ 'archive/version': strToU8('3\n') });
    expectProblem(read(noPickle), 'zip has no data.pkl (not written by torch.save)');
    const noStorage = ptFile(pickleOf(tensorCall({ numel: 12, size: [12] })), null);
    expectProblem(read(noStorage), 'zip has no storage entry data/0');
  });

  it('rejects tensors of another dtype, and big-endian storage', () => {
    const double = tensorFile({ storage: 'DoubleStorage', numel: 6, size: [6] }, floats(range(12)));
    expectProblem(read(double), 'holds a torch.DoubleStorage tensor, expected float32 (torch.FloatStorage)');
    const pkl = pickleOf(tensorCall({ numel: 12, size: [12] }));
    const big = ptFile(pkl, floats(range(12)), { byteorder: 'big' });
    expectProblem(read(big), 'storage is stored big-endian; only little-endian files are supported');
  });

  it('rejects pickles that hold something other than a tensor', () => {
    const dict = Uint8Array.of(0x80, 0x02, 0x7d, 0x71, 0x00, 0x2e);
    expectProblem(read(ptFile(dict, null)), 'pickle holds a dict, not a tensor');
    expectProblem(read(ptFile(pickleOf(5), null)), 'pickle holds an int (5), not a tensor');
    const other: Py = { call: [{ global: ['collections', 'OrderedDict'] }, []] };
    const problem = 'pickle holds a call to collections.OrderedDict, not a tensor';
    expectProblem(read(ptFile(pickleOf(other), null)), problem);
  });

  it('rejects a truncated pickle and an unknown opcode', () => {
    const pkl = pickleOf(tensorCall({ numel: 160, offset: 120, size: [20] }));
    expectProblem(read(ptFile(pkl.subarray(0, 90), floats(range(160)))), 'pickle is truncated at byte 90');
    const odd = Uint8Array.of(0x80, 0x02, 0x8d, 0x2e);
    expectProblem(read(ptFile(odd, null)), 'unknown pickle opcode 0x8d at byte 2');
  });

  it('rejects a storage record shorter than its declared size', () => {
    const short = tensorFile({ numel: 160, size: [20] }, floats(range(150)));
    expectProblem(read(short), 'storage data/0 has 600 bytes, expected 640 for 160 float32 values');
  });

  it('rejects views that run past the storage', () => {
    const past = tensorFile({ numel: 160, offset: 150, size: [20] }, floats(range(160)));
    expectProblem(read(past), 'tensor view (offset 150, size [20]) runs past the storage of 160 values');
    const strided = tensorFile({ numel: 12, size: [2, 3], stride: [1, 6] }, floats(range(12)));
    const problem = 'tensor view (offset 0, size [2, 3], stride [1, 6]) runs past the storage of 12 values';
    expectProblem(read(strided), problem);
  });

  it('readClassVector rejects a tensor with the wrong number of values', () => {
    const wrong = tensorFile({ numel: 19, size: [1, 19] }, floats(range(19)));
    const expected = 'expected 20 values ([20] or [1, 20])';
    expectProblem(() => readClassVector(wrong, file, 20), `holds a tensor of shape [1, 19], ${expected}`);
    const matrix = tensorFile({ numel: 40, size: [2, 20] }, floats(range(40)));
    expectProblem(() => readClassVector(matrix, file, 20), `holds a tensor of shape [2, 20], ${expected}`);
  });
});
