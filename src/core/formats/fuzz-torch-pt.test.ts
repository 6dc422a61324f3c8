import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DataError } from '../data-error';
import { runFuzz, tallyLine, type FuzzInput } from './__fixtures__/fuzz/fuzz-run';
import { mutate } from './__fixtures__/fuzz/mutate';
import { ptFile } from './__fixtures__/torch-pt-builder';
import { unpickle } from './pickle';
import { readClassVector, readTorchTensor } from './torch-pt';

const MODEL = 'e2e/fixtures/seed-cache-sample/clip_cache/model_RN50x64';
/** Real reference-cache files (torch.save output): 8 of each kind. */
const inputs: FuzzInput[] = ['global', 'num_patches_3/alpha', 'num_patches_3/beta', 'num_patches_3/thresh_0.1/aggregate'].flatMap((dir) =>
  readdirSync(join(MODEL, dir))
    .sort()
    .slice(0, 8)
    .map((name) => ({ file: `${dir}/${name}`, bytes: new Uint8Array(readFileSync(join(MODEL, dir, name))) })),
);
const read = (bytes: Uint8Array, input: FuzzInput) => readClassVector(bytes, input.file, 20);

describe('fuzzed .pt files (reference caches): a vector or a DataError naming the file', () => {
  it('whole-file damage: cut, bit flips, inserted bytes, boundary values, swapped windows', async () => {
    const tally = await runFuzz({ seed: 16_000, cases: 500, inputs, read });
    console.log(tallyLine('.pt (whole file)', tally));
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBeGreaterThan(0);
    expect(tally.dataErrors).toBeGreaterThan(0);
  });

  it('damage inside the zip (data.pkl mostly, the storage or version record otherwise), re-zipped intact', async () => {
    const tally = await runFuzz({
      seed: 17_000,
      cases: 500,
      inputs,
      read,
      damage: (input, random) => {
        const entries = unzipSync(input.bytes);
        const names = Object.keys(entries);
        const pickle = names.find((name) => name.endsWith('data.pkl'))!;
        const target = random() < 0.75 ? pickle : names[Math.floor(random() * names.length)]!;
        const { bytes, steps } = mutate(entries[target]!, random);
        return { bytes: zipSync({ ...entries, [target]: bytes }, { level: 0 }), steps: [`in ${target}:`, ...steps] };
      },
    });
    console.log(tallyLine('.pt (inside the zip)', tally));
    expect(tally.failures).toEqual([]);
    expect(tally.results).toBeGreaterThan(0);
    expect(tally.dataErrors).toBeGreaterThan(0);
  });
});

describe('what the fuzzing found in the .pt reader', () => {
  const real = inputs[0]!.bytes;
  const eocd = real.length - 22; // torch.save writes no zip comment

  it('a zip64 end record claiming 4 billion entries is refused at once (unzipSync looped for ever)', () => {
    const zip64End = new DataView(real.buffer, real.byteOffset).getUint32(eocd - 12, true);
    const damaged = real.slice();
    damaged.set([0xff, 0xff, 0xff, 0xff], zip64End + 32);
    expect(() => readClassVector(damaged, 'global/x.pt', 20)).toThrow(
      /^global\/x\.pt: not a PyTorch file: damaged zip archive \(directory entry 4 of 4294967295: no entry at byte \d+\)$/,
    );
  });

  it('a byteorder record of 1 MB is read as text, not spread onto the stack', () => {
    const pkl = unzipSync(real)[Object.keys(unzipSync(real)).find((name) => name.endsWith('data.pkl'))!]!;
    expect(() => readTorchTensor(ptFile(pkl, null, { byteorder: ' '.repeat(1 << 20) }), 'y.pt')).toThrow(
      'y.pt: storage is stored big-endian; only little-endian files are supported',
    );
  });
});

/** Pickle opcodes spelled out, as a hostile file would write them. */
const PROTO2 = [0x80, 0x02];
const GLOBAL = (module: string, name: string) => [0x63, ...strToU8(`${module}\n${name}\n`)];
const SHORT_BINUNICODE = (text: string) => [0x8c, text.length, ...strToU8(text)];
const TUPLE1 = 0x85;
const REDUCE = 0x52;
const STOP = 0x2e;

describe('a malicious pickle is refused by name and never run', () => {
  const marker = join(tmpdir(), `cdul-pickle-ran-${process.pid}`);
  rmSync(marker, { force: true });
  // What `pickle.loads` in Python would turn into os.system("touch <marker>").
  const payload = Uint8Array.from([...PROTO2, ...GLOBAL('os', 'system'), ...SHORT_BINUNICODE(`touch ${marker}`), TUPLE1, REDUCE, STOP]);

  it('GLOBAL os system + REDUCE in data.pkl: a DataError naming the file and os.system, and the command never ran', () => {
    const file = 'global/evil.pt';
    const run = () => readTorchTensor(ptFile(payload, null), file);
    expect(run).toThrow(DataError);
    expect(run).toThrow(`${file}: pickle holds a call to os.system, not a tensor`);
    expect(existsSync(marker)).toBe(false);
  });

  it('the same call hidden as a tensor’s storage is refused too, naming os.system', () => {
    const rebuild = [...PROTO2, ...GLOBAL('torch._utils', '_rebuild_tensor_v2'), 0x28];
    const evilStorage = [...GLOBAL('os', 'system'), ...SHORT_BINUNICODE(`touch ${marker}`), TUPLE1, REDUCE];
    const rest = [0x4b, 0, 0x4b, 20, TUPLE1, 0x4b, 1, TUPLE1, 0x74, REDUCE, STOP]; // offset, size, stride; TUPLE
    const pkl = Uint8Array.from([...rebuild, ...evilStorage, ...rest]);
    expect(() => readTorchTensor(ptFile(pkl, null), 'alpha/evil.pt')).toThrow(
      'alpha/evil.pt: tensor storage is a call to os.system, not a persistent storage reference',
    );
    expect(existsSync(marker)).toBe(false);
  });

  it('the reader only describes the call: a plain object naming os.system, no function anywhere in it', () => {
    const value = unpickle(payload);
    expect(value).toEqual({
      kind: 'call',
      callee: { kind: 'global', module: 'os', name: 'system' },
      args: { kind: 'tuple', items: [`touch ${marker}`] },
    });
    expect(JSON.stringify(value)).toContain('"module":"os","name":"system"');
    expect(existsSync(marker)).toBe(false);
  });

  it('the opcodes that call or build arbitrary classes (INST, OBJ, NEWOBJ, NEWOBJ_EX, EXT1) are unknown opcodes, refused', () => {
    for (const op of [0x69, 0x6f, 0x81, 0x92, 0x82]) {
      const pkl = Uint8Array.from([...PROTO2, 0x28, ...GLOBAL('os', 'system'), op, STOP]);
      expect(() => readTorchTensor(ptFile(pkl, null), 'x.pt')).toThrow(/^x\.pt: (unknown pickle opcode|malformed pickle)/);
    }
  });
});
