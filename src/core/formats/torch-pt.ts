/**
 * Reads one float32 tensor from a PyTorch `.pt` file (the zip format `torch.save` writes since
 * PyTorch 1.6): `<prefix>/data.pkl` pickles a `_rebuild_tensor_v2` call whose storage is a persistent
 * id naming the raw little-endian record `<prefix>/data/<key>`. Nothing in the pickle is executed.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Unzipped } from 'fflate';
import { DataError } from '../data-error';
import { PickleError, isPickleKind, unpickle } from './pickle';
import type { PickleCall, PickleValue } from './pickle';
import { zipDirectoryProblem } from './zip-directory';

export interface TorchTensor {
  shape: number[];
  data: Float32Array;
}

/** The parts of a `_rebuild_tensor_v2(storage, offset, size, stride, ...)` call this reader uses. */
interface TensorRecord {
  storageKey: string;
  storageNumel: number;
  offset: number;
  size: number[];
  stride: number[];
}

/** A tensor this large is certainly not a class vector; refusing it avoids a huge allocation. */
const MAX_ELEMENTS = 2 ** 28;

export function readTorchTensor(bytes: Uint8Array, fileName: string): TorchTensor {
  const fail: Fail = (problem) => {
    throw new DataError(fileName, problem);
  };
  const entries = openZip(bytes, fail);
  const prefix = findPrefix(entries, fail);
  if (!isLittleEndian(entries[`${prefix}byteorder`])) {
    fail('storage is stored big-endian; only little-endian files are supported');
  }
  const record = parseTensorRecord(runPickle(entries[`${prefix}data.pkl`], fail), fail);
  const storage = entries[`${prefix}data/${record.storageKey}`];
  if (storage === undefined) return fail(`zip has no storage entry data/${record.storageKey}`);
  const expected = record.storageNumel * 4;
  if (storage.length !== expected) {
    fail(
      `storage data/${record.storageKey} has ${storage.length} bytes, expected ${expected} ` +
        `for ${record.storageNumel} float32 values`,
    );
  }
  checkView(record, fail);
  return { shape: record.size, data: gather(storage, record) };
}

/** A per-class vector: shape [C] or [1, C] (both occur in the reference caches). */
export function readClassVector(bytes: Uint8Array, fileName: string, classCount: number): Float32Array {
  const { shape, data } = readTorchTensor(bytes, fileName);
  const isVector = shape.length === 1 && shape[0] === classCount;
  const isRow = shape.length === 2 && shape[0] === 1 && shape[1] === classCount;
  if (!isVector && !isRow) {
    throw new DataError(
      fileName,
      `holds a tensor of shape ${formatShape(shape)}, expected ${classCount} values ` +
        `([${classCount}] or [1, ${classCount}])`,
    );
  }
  return data;
}

type Fail = (problem: string) => never;

function openZip(bytes: Uint8Array, fail: Fail): Unzipped {
  if (bytes.length === 0) fail('not a PyTorch file: the file is empty');
  // Before 1.6, torch.save wrote a bare pickle stream (starts with PROTO 0x80) instead of a zip.
  if (bytes[0] === 0x80) fail('legacy (pre-1.6) PyTorch file format is not supported, only the zip one');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!isZip) fail('not a PyTorch file: not a zip archive');
  // Checked first: unzipSync would loop for ever on a damaged zip64 record (fuzz-torch-pt.test.ts).
  const damage = zipDirectoryProblem(bytes);
  if (damage !== null) fail(`not a PyTorch file: damaged zip archive (${damage})`);
  try {
    return unzipSync(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`not a PyTorch file: damaged zip archive (${reason})`);
  }
}

/** The record prefix ("<name>/"), found from the one `data.pkl` at the top or one folder down. */
function findPrefix(entries: Unzipped, fail: Fail): string {
  const pickles = Object.keys(entries).filter((name) => /^(?:[^/]*\/)?data\.pkl$/.test(name));
  if (pickles.length === 0) fail('zip has no data.pkl (not written by torch.save)');
  if (pickles.length > 1) fail(`zip has ${pickles.length} data.pkl entries, expected one`);
  return (pickles[0] ?? '').slice(0, -'data.pkl'.length);
}

function isLittleEndian(record: Uint8Array | undefined): boolean {
  return record === undefined || strFromU8(record, true).trim() === 'little';
}

function runPickle(pickle: Uint8Array | undefined, fail: Fail): PickleValue {
  try {
    return unpickle(pickle ?? new Uint8Array());
  } catch (error) {
    if (error instanceof PickleError) return fail(error.message);
    throw error;
  }
}

function parseTensorRecord(root: PickleValue, fail: Fail): TensorRecord {
  let value = root;
  // nn.Parameter pickles as _rebuild_parameter(tensor, requires_grad, hooks): unwrap to the tensor.
  if (isCallTo(value, 'torch._utils', '_rebuild_parameter')) value = value.args.items[0] ?? null;
  if (!isCallTo(value, 'torch._utils', '_rebuild_tensor_v2')) {
    return fail(`pickle holds ${describe(value)}, not a tensor`);
  }
  const [storage = null, offset = null, size = null, stride = null] = value.args.items;
  if (value.args.items.length < 4) fail('_rebuild_tensor_v2 call has fewer than 4 arguments');
  const { key, numel } = parseStorage(storage, fail);
  const sizes = intTuple(size, 'size', fail);
  const strides = intTuple(stride, 'stride', fail);
  if (sizes.length !== strides.length) {
    fail(`tensor size ${formatShape(sizes)} and stride ${formatShape(strides)} differ in length`);
  }
  const start = int(offset, 'storage offset', fail);
  return { storageKey: key, storageNumel: numel, offset: start, size: sizes, stride: strides };
}

/** The persistent id torch writes for a storage: ('storage', <dtype>Storage, key, location, numel). */
function parseStorage(value: PickleValue, fail: Fail): { key: string; numel: number } {
  if (!isPickleKind(value, 'persistent')) {
    return fail(`tensor storage is ${describe(value)}, not a persistent storage reference`);
  }
  const id = value.id;
  if (!isPickleKind(id, 'tuple') || id.items[0] !== 'storage' || id.items.length < 5) {
    return fail(`tensor storage reference is ${describe(id)}, not ('storage', type, key, location, numel)`);
  }
  const [, type = null, key = null, , numel = null] = id.items;
  if (!isPickleKind(type, 'global') || type.module !== 'torch' || !type.name.endsWith('Storage')) {
    return fail(`tensor storage type is ${describe(type)}, not a torch storage class`);
  }
  if (type.name !== 'FloatStorage') {
    fail(`holds a torch.${type.name} tensor, expected float32 (torch.FloatStorage)`);
  }
  if (typeof key !== 'string') return fail(`tensor storage key is ${describe(key)}, not a string`);
  return { key, numel: int(numel, 'storage size', fail) };
}

function checkView(record: TensorRecord, fail: Fail): void {
  const { offset, size, stride, storageNumel } = record;
  const count = size.reduce((product, n) => product * n, 1);
  if (count > MAX_ELEMENTS) fail(`tensor of shape ${formatShape(size)} is too large`);
  // The highest storage index the view touches; an empty view touches nothing.
  const last = size.reduce((sum, n, axis) => sum + (n - 1) * (stride[axis] ?? 0), offset);
  if (count > 0 && last >= storageNumel) {
    const strideText = isContiguous(size, stride) ? '' : `, stride ${formatShape(stride)}`;
    fail(
      `tensor view (offset ${offset}, size ${formatShape(size)}${strideText}) runs past the storage ` +
        `of ${storageNumel} values`,
    );
  }
}

/** Copies the strided view into a fresh row-major array; DataView because records may be unaligned. */
function gather(storage: Uint8Array, record: TensorRecord): Float32Array {
  const { offset, size, stride } = record;
  const view = new DataView(storage.buffer, storage.byteOffset, storage.byteLength);
  const out = new Float32Array(size.reduce((product, n) => product * n, 1));
  const index = size.map(() => 0);
  let source = offset;
  for (let i = 0; i < out.length; i++) {
    out[i] = view.getFloat32(source * 4, true);
    // Odometer step: bump the last axis, carrying into earlier ones.
    for (let axis = size.length - 1; axis >= 0; axis--) {
      const step = stride[axis] ?? 0;
      const current = (index[axis] ?? 0) + 1;
      if (current < (size[axis] ?? 0)) {
        index[axis] = current;
        source += step;
        break;
      }
      index[axis] = 0;
      source -= (current - 1) * step;
    }
  }
  return out;
}

function isContiguous(size: number[], stride: number[]): boolean {
  let expected = 1;
  for (let axis = size.length - 1; axis >= 0; axis--) {
    if ((size[axis] ?? 0) > 1 && stride[axis] !== expected) return false;
    expected *= size[axis] ?? 0;
  }
  return true;
}

function int(value: PickleValue, what: string, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    return fail(`tensor ${what} is ${describe(value)}, not a non-negative integer`);
  }
  return value;
}

function intTuple(value: PickleValue, what: string, fail: Fail): number[] {
  if (!isPickleKind(value, 'tuple')) return fail(`tensor ${what} is ${describe(value)}, not a tuple`);
  return value.items.map((item) => int(item, what, fail));
}

function isCallTo(value: PickleValue, module: string, name: string): value is PickleCall {
  if (!isPickleKind(value, 'call') || !isPickleKind(value.callee, 'global')) return false;
  return value.callee.module === module && value.callee.name === name;
}

/** A short human name for a pickled value, for messages ("a dict", "an int (5)"). */
function describe(value: PickleValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return `a bool (${value ? 'True' : 'False'})`;
  if (typeof value === 'number') return Number.isInteger(value) ? `an int (${value})` : `a float (${value})`;
  if (typeof value === 'bigint') return `an int (${value})`;
  if (typeof value === 'string') return `a str (${JSON.stringify(value.slice(0, 40))})`;
  if (value instanceof Uint8Array) return `bytes (${value.length})`;
  switch (value.kind) {
    case 'global':
      return `${value.module}.${value.name}`;
    case 'call':
      return isPickleKind(value.callee, 'global') ? `a call to ${describe(value.callee)}` : 'a call';
    case 'persistent':
      return 'a persistent reference';
    case 'tuple':
      return `a tuple of ${value.items.length}`;
    case 'list':
      return `a list of ${value.items.length}`;
    case 'dict':
      return 'a dict';
  }
}

function formatShape(values: readonly number[]): string {
  return `[${values.join(', ')}]`;
}
