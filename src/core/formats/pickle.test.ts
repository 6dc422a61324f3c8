import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, it, expect } from 'vitest';
import { PickleError, unpickle } from './pickle';
import type { PickleValue } from './pickle';

const FIXTURE = 'e2e/fixtures/seed-cache-sample/clip_cache/model_RN50x64/global/2008_001310.pt';

/** Hand-assembles pickle streams: each helper returns the bytes of one opcode with its argument. */
const op = {
  proto: (v: number) => [0x80, v],
  global: (module: string, name: string) => [0x63, ...ascii(`${module}\n${name}\n`)],
  binput: (k: number) => [0x71, k],
  binget: (k: number) => [0x68, k],
  longBinget: (k: number) => [0x6a, ...u32(k)],
  longBinput: (k: number) => [0x72, ...u32(k)],
  mark: [0x28],
  binunicode: (s: string) => [0x58, ...u32(utf8(s).length), ...utf8(s)],
  shortBinunicode: (s: string) => [0x8c, utf8(s).length, ...utf8(s)],
  shortBinstring: (s: string) => [0x55, s.length, ...ascii(s)],
  binint: (v: number) => [0x4a, ...u32(v >>> 0)],
  binint1: (v: number) => [0x4b, v],
  binint2: (v: number) => [0x4d, v & 0xff, v >> 8],
  long1: (bytes: number[]) => [0x8a, bytes.length, ...bytes],
  binfloat: (v: number) => {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, false);
    return [0x47, ...b];
  },
  tuple: [0x74],
  tuple1: [0x85],
  tuple2: [0x86],
  tuple3: [0x87],
  emptyTuple: [0x29],
  emptyList: [0x5d],
  emptyDict: [0x7d],
  append: [0x61],
  appends: [0x65],
  setitem: [0x73],
  setitems: [0x75],
  newtrue: [0x88],
  newfalse: [0x89],
  none: [0x4e],
  binpersid: [0x51],
  reduce: [0x52],
  build: [0x62],
  stop: [0x2e],
  pop: [0x30],
  frame: (n: number) => [0x95, ...u32(n), 0, 0, 0, 0],
  memoize: [0x94],
  stackGlobal: [0x93],
};

function pickle(...parts: (number[] | readonly number[])[]): Uint8Array {
  return Uint8Array.from(parts.flat());
}
function u32(v: number): number[] {
  return [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
}
function ascii(s: string): number[] {
  return Array.from(s, (c) => c.charCodeAt(0));
}
function utf8(s: string): number[] {
  return Array.from(new TextEncoder().encode(s));
}

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected an error');
}

describe('unpickle: scalars and strings', () => {
  it('reads ints of every width, including negative BININT and LONG1', () => {
    const read = (...ops: number[][]) => unpickle(pickle(op.proto(2), ...ops, op.stop));
    expect(read(op.binint1(200))).toBe(200);
    expect(read(op.binint2(0xbeef))).toBe(0xbeef);
    expect(read(op.binint(-5))).toBe(-5);
    expect(read(op.long1([0x00, 0x01]))).toBe(256);
    expect(read(op.long1([0xff]))).toBe(-1);
    expect(read(op.long1([]))).toBe(0);
    expect(read(op.long1([0, 0, 0, 0, 0, 0, 0, 0x01]))).toBe(2n ** 56n);
  });

  it('reads floats, booleans, None and strings (UTF-8 and Python 2 byte strings)', () => {
    const read = (...ops: number[][]) => unpickle(pickle(op.proto(2), ...ops, op.stop));
    expect(read(op.binfloat(-1.25))).toBe(-1.25);
    expect(read(op.newtrue)).toBe(true);
    expect(read(op.newfalse)).toBe(false);
    expect(read(op.none)).toBeNull();
    expect(read(op.binunicode('cuda:0 ✓'))).toBe('cuda:0 ✓');
    expect(read(op.shortBinunicode('é'))).toBe('é');
    expect(read(op.shortBinstring('storage'))).toBe('storage');
  });
});

describe('unpickle: containers and memo', () => {
  it('builds tuples of every arity', () => {
    const value = unpickle(
      pickle(op.mark, op.binint1(1), op.emptyTuple, op.binint1(2), op.tuple1, op.binint1(3), op.binint1(4),
        op.tuple2, op.none, op.none, op.none, op.tuple3, op.tuple, op.stop),
    );
    expect(value).toEqual({
      kind: 'tuple',
      items: [
        1,
        { kind: 'tuple', items: [] },
        { kind: 'tuple', items: [2] },
        { kind: 'tuple', items: [3, 4] },
        { kind: 'tuple', items: [null, null, null] },
      ],
    });
  });

  it('fills lists and dicts, and memoized references see later changes', () => {
    const value = unpickle(
      pickle(op.emptyDict, op.binput(0), op.shortBinunicode('a'), op.emptyList, op.binput(1), op.setitem,
        op.binget(1), op.binint1(7), op.append, op.mark, op.binint1(8), op.binint1(9), op.appends, op.pop,
        op.mark, op.shortBinunicode('b'), op.newtrue, op.shortBinunicode('self'), op.binget(0), op.setitems,
        op.stop),
    );
    const list = { kind: 'list', items: [7, 8, 9] };
    expect(value).toMatchObject({ kind: 'dict', entries: [['a', list], ['b', true], ['self', value]] });
  });

  it('reads LONG_BINPUT / LONG_BINGET and protocol 4 FRAME / MEMOIZE / STACK_GLOBAL', () => {
    const value = unpickle(
      pickle(op.proto(4), op.frame(20), op.shortBinunicode('torch'), op.memoize, op.shortBinunicode('Size'),
        op.memoize, op.stackGlobal, op.longBinput(70000), op.longBinget(70000), op.binget(0), op.tuple2,
        op.stop),
    );
    const size = { kind: 'global', module: 'torch', name: 'Size' };
    expect(value).toEqual({ kind: 'tuple', items: [size, 'torch'] });
  });
});

describe('unpickle: nothing is executed', () => {
  it('turns GLOBAL + REDUCE into a call descriptor, even for os.system', () => {
    const value = unpickle(
      pickle(op.global('os', 'system'), op.binunicode('rm -rf /'), op.tuple1, op.reduce, op.stop),
    );
    expect(value).toEqual({
      kind: 'call',
      callee: { kind: 'global', module: 'os', name: 'system' },
      args: { kind: 'tuple', items: ['rm -rf /'] },
    });
  });

  it('records BUILD state on the constructed object and BINPERSID as a persistent reference', () => {
    const value = unpickle(
      pickle(op.mark, op.global('m', 'C'), op.emptyTuple, op.reduce, op.emptyDict, op.build,
        op.binunicode('key'), op.binpersid, op.tuple, op.stop),
    );
    expect(value).toEqual({
      kind: 'tuple',
      items: [
        {
          kind: 'call',
          callee: { kind: 'global', module: 'm', name: 'C' },
          args: { kind: 'tuple', items: [] },
          state: { kind: 'dict', entries: [] },
        },
        { kind: 'persistent', id: 'key' },
      ],
    });
  });

  it('reads the data.pkl of a real torch.save file', () => {
    const entries = unzipSync(new Uint8Array(readFileSync(FIXTURE)));
    const value = unpickle(entries['2008_001310/data.pkl'] ?? new Uint8Array());
    const floatStorage: PickleValue = { kind: 'global', module: 'torch', name: 'FloatStorage' };
    const orderedDict: PickleValue = { kind: 'global', module: 'collections', name: 'OrderedDict' };
    const args: PickleValue[] = [
      { kind: 'persistent', id: { kind: 'tuple', items: ['storage', floatStorage, '0', 'cuda:0', 160] } },
      120,
      { kind: 'tuple', items: [20] },
      { kind: 'tuple', items: [1] },
      false,
      { kind: 'call', callee: orderedDict, args: { kind: 'tuple', items: [] } },
    ];
    expect(value).toEqual({
      kind: 'call',
      callee: { kind: 'global', module: 'torch._utils', name: '_rebuild_tensor_v2' },
      args: { kind: 'tuple', items: args },
    });
  });
});

describe('unpickle: malformed streams', () => {
  it('names an unknown opcode byte in hex and its offset', () => {
    const error = thrown(() => unpickle(pickle(op.proto(2), op.binint1(1), [0x8d], op.stop)));
    expect(error).toBeInstanceOf(PickleError);
    expect(error.message).toBe('unknown pickle opcode 0x8d at byte 4');
    expect((error as PickleError).offset).toBe(4);
  });

  it('reports truncation inside an argument, inside a GLOBAL line, and a missing STOP', () => {
    const cases = [
      pickle(op.proto(2), op.binunicode('storage')).subarray(0, 9),
      pickle(op.proto(2), [0x63], ascii('torch\nFloatSto')),
      pickle(op.proto(2), op.binint1(1)),
      new Uint8Array(),
    ];
    for (const bytes of cases) {
      const error = thrown(() => unpickle(bytes));
      expect(error).toBeInstanceOf(PickleError);
      expect(error.message).toBe(`pickle is truncated at byte ${bytes.length}`);
    }
  });

  it('rejects stack underflow, a missing MARK, an unknown memo key and REDUCE without a tuple', () => {
    const cases: [Uint8Array, RegExp][] = [
      [pickle(op.stop), /stack underflow/],
      [pickle(op.mark, op.stop), /stack underflow/],
      [pickle(op.binint1(1), op.tuple, op.stop), /no MARK/],
      [pickle(op.binget(3), op.stop), /memo key 3/],
      [pickle(op.global('m', 'f'), op.none, op.reduce, op.stop), /REDUCE arguments are not a tuple/],
      [pickle(op.emptyTuple, op.binint1(1), op.append, op.stop), /APPEND on something that is not a list/],
    ];
    for (const [bytes, problem] of cases) {
      const error = thrown(() => unpickle(bytes));
      expect(error).toBeInstanceOf(PickleError);
      expect(error.message).toMatch(problem);
    }
  });
});
