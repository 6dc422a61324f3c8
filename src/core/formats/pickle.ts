/**
 * A minimal, non-executing pickle reader: enough of the protocol 2–4 opcodes for what `torch.save`
 * writes. Python's unpickler imports and calls whatever the stream names, so a `.pt` file from an
 * untrusted source can run code; here GLOBAL and REDUCE only build descriptors the caller inspects.
 */
import { strFromU8 } from 'fflate';

export interface PickleGlobal {
  readonly kind: 'global';
  readonly module: string;
  readonly name: string;
}
/** `callee(*args)` as written by REDUCE; `state` is what a later BUILD would have applied. */
export interface PickleCall {
  readonly kind: 'call';
  readonly callee: PickleValue;
  readonly args: PickleTuple;
  state?: PickleValue;
}
export interface PicklePersistent {
  readonly kind: 'persistent';
  readonly id: PickleValue;
}
export interface PickleTuple {
  readonly kind: 'tuple';
  readonly items: readonly PickleValue[];
}
/** Lists and dicts stay mutable: APPEND/SETITEM change them after they were memoized. */
export interface PickleList {
  readonly kind: 'list';
  readonly items: PickleValue[];
}
export interface PickleDict {
  readonly kind: 'dict';
  readonly entries: [PickleValue, PickleValue][];
}
/** The values that are not plain JS scalars; `kind` tells them apart. */
export type PickleObject =
  | PickleGlobal
  | PickleCall
  | PicklePersistent
  | PickleTuple
  | PickleList
  | PickleDict;
export type PickleValue = null | boolean | number | bigint | string | Uint8Array | PickleObject;

/** Narrows a value to one of the descriptor kinds (Uint8Array, the other object, has no `kind`). */
export function isPickleKind<K extends PickleObject['kind']>(
  value: PickleValue | undefined,
  kind: K,
): value is Extract<PickleObject, { kind: K }> {
  return typeof value === 'object' && value !== null && 'kind' in value && value.kind === kind;
}

/** A malformed pickle stream; `offset` is the byte where reading stopped. */
export class PickleError extends Error {
  override readonly name = 'PickleError';

  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Cursor over the stream; every read past the end is reported as truncation. */
class Reader {
  pos = 0;
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  take(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.bytes.length) throw truncated(this.bytes.length);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  u8(): number {
    return this.take(1)[0] ?? 0;
  }
  u16(): number {
    return this.view.getUint16(this.skip(2), true);
  }
  u32(): number {
    return this.view.getUint32(this.skip(4), true);
  }
  i32(): number {
    return this.view.getInt32(this.skip(4), true);
  }
  /** BINFLOAT is the one big-endian field in pickle. */
  f64be(): number {
    return this.view.getFloat64(this.skip(8), false);
  }
  line(): string {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end < 0) throw truncated(this.bytes.length);
    const text = strFromU8(this.bytes.subarray(this.pos, end));
    this.pos = end + 1;
    return text;
  }
  private skip(n: number): number {
    const at = this.pos;
    this.take(n);
    return at;
  }
}

function truncated(at: number): PickleError {
  return new PickleError(`pickle is truncated at byte ${at}`, at);
}

/** LONG1/LONG4: little-endian two's complement; a bigint only when a number would lose digits. */
function decodeLong(bytes: Uint8Array): number | bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  const last = bytes[bytes.length - 1];
  if (last !== undefined && last >= 0x80) value -= 1n << BigInt(8 * bytes.length);
  const small = Number(value);
  return Number.isSafeInteger(small) ? small : value;
}

const tuple = (items: readonly PickleValue[]): PickleTuple => ({ kind: 'tuple', items });

/** The VM state: the value stack, the MARK positions and the memo. */
class Machine {
  readonly stack: PickleValue[] = [];
  private readonly marks: number[] = [];
  private readonly memo = new Map<number, PickleValue>();

  constructor(private readonly reader: Reader) {}

  fail(problem: string): never {
    throw new PickleError(`malformed pickle: ${problem} at byte ${this.reader.pos}`, this.reader.pos);
  }
  push(value: PickleValue): void {
    this.stack.push(value);
  }
  /** Values below the last MARK belong to an enclosing tuple/list/dict and cannot be taken. */
  top(): PickleValue {
    if (this.stack.length <= (this.marks[this.marks.length - 1] ?? 0)) this.fail('stack underflow');
    return this.stack[this.stack.length - 1] as PickleValue;
  }
  pop(): PickleValue {
    const value = this.top();
    this.stack.pop();
    return value;
  }
  mark(): void {
    this.marks.push(this.stack.length);
  }
  /** Everything pushed since the last MARK, which is removed. */
  popMark(): PickleValue[] {
    const at = this.marks.pop();
    if (at === undefined) this.fail('no MARK to pop to');
    return this.stack.splice(at);
  }
  put(key: number): void {
    this.memo.set(key, this.top());
  }
  memoize(): void {
    this.put(this.memo.size);
  }
  get(key: number): void {
    const value = this.memo.get(key);
    if (value === undefined) this.fail(`memo key ${key} was never stored`);
    this.push(value);
  }
  /** The container APPEND or SETITEM adds to, which must be on top of the stack. */
  container<K extends 'list' | 'dict'>(kind: K, opcode: string): Extract<PickleObject, { kind: K }> {
    const value = this.top();
    if (!isPickleKind(value, kind)) return this.fail(`${opcode} on something that is not a ${kind}`);
    return value;
  }
}

type Handler = (vm: Machine, r: Reader) => void;

function setItems(vm: Machine, flat: PickleValue[]): void {
  if (flat.length % 2 !== 0) vm.fail('SETITEMS with an odd number of values');
  const { entries } = vm.container('dict', 'SETITEM');
  for (let i = 0; i < flat.length; i += 2) entries.push([flat[i] as PickleValue, flat[i + 1] as PickleValue]);
}

function reduce(vm: Machine): void {
  const args = vm.pop();
  const callee = vm.pop();
  if (!isPickleKind(args, 'tuple')) vm.fail('REDUCE arguments are not a tuple');
  vm.push({ kind: 'call', callee, args });
}

function build(vm: Machine): void {
  const state = vm.pop();
  const target = vm.top();
  // Mutate rather than replace, so memo references to the object see the state too.
  if (!isPickleKind(target, 'call')) vm.fail('BUILD on something that is not a constructed object');
  target.state = state;
}

/** Opcode byte → handler. STOP is handled by the loop. */
const OPS = new Map<number, Handler>([
  [0x80, (_, r) => void r.u8()], // PROTO
  [0x95, (_, r) => void r.take(8)], // FRAME: framing is only a read-ahead hint
  [0x63, (vm, r) => vm.push({ kind: 'global', module: r.line(), name: r.line() })], // GLOBAL
  [0x93, (vm) => stackGlobal(vm)], // STACK_GLOBAL
  [0x71, (vm, r) => vm.put(r.u8())], // BINPUT
  [0x72, (vm, r) => vm.put(r.u32())], // LONG_BINPUT
  [0x94, (vm) => vm.memoize()], // MEMOIZE
  [0x68, (vm, r) => vm.get(r.u8())], // BINGET
  [0x6a, (vm, r) => vm.get(r.u32())], // LONG_BINGET
  [0x28, (vm) => vm.mark()], // MARK
  [0x30, (vm) => void vm.pop()], // POP
  [0x31, (vm) => void vm.popMark()], // POP_MARK
  [0x58, (vm, r) => vm.push(strFromU8(r.take(r.u32())))], // BINUNICODE
  [0x8c, (vm, r) => vm.push(strFromU8(r.take(r.u8())))], // SHORT_BINUNICODE
  [0x54, (vm, r) => vm.push(strFromU8(r.take(r.i32()), true))], // BINSTRING (Python 2 str)
  [0x55, (vm, r) => vm.push(strFromU8(r.take(r.u8()), true))], // SHORT_BINSTRING
  [0x42, (vm, r) => vm.push(r.take(r.u32()).slice())], // BINBYTES
  [0x43, (vm, r) => vm.push(r.take(r.u8()).slice())], // SHORT_BINBYTES
  [0x4a, (vm, r) => vm.push(r.i32())], // BININT
  [0x4b, (vm, r) => vm.push(r.u8())], // BININT1
  [0x4d, (vm, r) => vm.push(r.u16())], // BININT2
  [0x8a, (vm, r) => vm.push(decodeLong(r.take(r.u8())))], // LONG1
  [0x8b, (vm, r) => vm.push(decodeLong(r.take(r.i32())))], // LONG4
  [0x47, (vm, r) => vm.push(r.f64be())], // BINFLOAT
  [0x88, (vm) => vm.push(true)], // NEWTRUE
  [0x89, (vm) => vm.push(false)], // NEWFALSE
  [0x4e, (vm) => vm.push(null)], // NONE
  [0x29, (vm) => vm.push(tuple([]))], // EMPTY_TUPLE
  [0x74, (vm) => vm.push(tuple(vm.popMark()))], // TUPLE
  [0x85, (vm) => vm.push(tuple(popN(vm, 1)))], // TUPLE1
  [0x86, (vm) => vm.push(tuple(popN(vm, 2)))], // TUPLE2
  [0x87, (vm) => vm.push(tuple(popN(vm, 3)))], // TUPLE3
  [0x5d, (vm) => vm.push({ kind: 'list', items: [] })], // EMPTY_LIST
  [0x7d, (vm) => vm.push({ kind: 'dict', entries: [] })], // EMPTY_DICT
  [0x61, (vm) => appendAll(vm, [vm.pop()])], // APPEND
  [0x65, (vm) => appendAll(vm, vm.popMark())], // APPENDS
  [0x73, (vm) => setItems(vm, popN(vm, 2))], // SETITEM
  [0x75, (vm) => setItems(vm, vm.popMark())], // SETITEMS
  [0x51, (vm) => vm.push({ kind: 'persistent', id: vm.pop() })], // BINPERSID
  [0x52, reduce], // REDUCE
  [0x62, build], // BUILD
]);

function popN(vm: Machine, n: number): PickleValue[] {
  const items: PickleValue[] = [];
  for (let i = 0; i < n; i++) items.unshift(vm.pop());
  return items;
}

function appendAll(vm: Machine, items: PickleValue[]): void {
  vm.container('list', 'APPEND').items.push(...items);
}

function stackGlobal(vm: Machine): void {
  const name = vm.pop();
  const module = vm.pop();
  if (typeof module !== 'string' || typeof name !== 'string') vm.fail('STACK_GLOBAL needs two strings');
  vm.push({ kind: 'global', module, name });
}

/** Runs the stream up to STOP and returns the one value it leaves; throws PickleError otherwise. */
export function unpickle(bytes: Uint8Array): PickleValue {
  const reader = new Reader(bytes);
  const vm = new Machine(reader);
  while (reader.pos < bytes.length) {
    const at = reader.pos;
    const op = reader.u8();
    if (op === 0x2e) return vm.pop(); // STOP
    const handler = OPS.get(op);
    if (handler === undefined) {
      const hex = op.toString(16).padStart(2, '0');
      throw new PickleError(`unknown pickle opcode 0x${hex} at byte ${at}`, at);
    }
    handler(vm, reader);
  }
  throw truncated(bytes.length);
}
