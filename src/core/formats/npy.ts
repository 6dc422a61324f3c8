import { strFromU8 } from 'fflate';
import { DataError } from '../data-error';

/**
 * NumPy's .npy format (version 1.0, and reading 2.0/3.0 headers) for little-endian float32 arrays in
 * C order: the caches' interchange format, readable by numpy.load and every .npy reader.
 * Layout: "\x93NUMPY", major, minor, header length (u16 LE; u32 from 2.0), an ASCII Python dict
 * literal padded with spaces to a 64-byte boundary and ended by "\n", then the raw data.
 */
export interface NpyArray {
  readonly shape: number[];
  readonly data: Float32Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const ALIGNMENT = 64;

export function encodeNpyHeader(shape: readonly number[]): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const unpadded = MAGIC.length + 4 + dict.length + 1;
  const padding = (ALIGNMENT - (unpadded % ALIGNMENT)) % ALIGNMENT;
  const headerText = `${dict}${' '.repeat(padding)}\n`;
  const header = new Uint8Array(MAGIC.length + 4 + headerText.length);
  header.set(MAGIC, 0);
  header[6] = 1; // version 1.0
  header[7] = 0;
  new DataView(header.buffer).setUint16(8, headerText.length, true);
  for (let i = 0; i < headerText.length; i++) header[10 + i] = headerText.charCodeAt(i);
  return header;
}

export function encodeNpy(data: Float32Array, shape: readonly number[]): Uint8Array {
  const count = shape.reduce((product, n) => product * n, 1);
  if (count !== data.length) {
    throw new RangeError(`shape [${shape.join(', ')}] holds ${count} values, data has ${data.length}`);
  }
  const header = encodeNpyHeader(shape);
  const out = new Uint8Array(header.length + data.byteLength);
  out.set(header, 0);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), header.length);
  return out;
}

export function decodeNpy(bytes: Uint8Array, fileName: string): NpyArray {
  const { shape, dataStart, count } = parseNpyHeader(bytes, fileName);
  // Copy: the data may be unaligned within `bytes`, and callers own the result.
  const data = new Float32Array(count);
  new Uint8Array(data.buffer).set(bytes.subarray(dataStart));
  return { shape, data };
}

/**
 * As decodeNpy, but the data is a view into `bytes` when it is 4-byte aligned there (the caches' files
 * are: 64-byte headers), so a 1.5 GB array is not held twice. The caller must not reuse `bytes`.
 */
export function viewNpy(bytes: Uint8Array, fileName: string): NpyArray {
  const { shape, dataStart, count } = parseNpyHeader(bytes, fileName);
  if ((bytes.byteOffset + dataStart) % 4 !== 0) return decodeNpy(bytes, fileName);
  return { shape, data: new Float32Array(bytes.buffer, bytes.byteOffset + dataStart, count) };
}

function parseNpyHeader(bytes: Uint8Array, fileName: string): { shape: number[]; dataStart: number; count: number } {
  const fail = (problem: string): never => {
    throw new DataError(fileName, problem);
  };
  if (bytes.length < 10 || MAGIC.some((byte, i) => bytes[i] !== byte)) fail('not a .npy file (no \\x93NUMPY magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6]!;
  if (major < 1 || major > 3) fail(`unsupported .npy version ${major}.${bytes[7]}`);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) fail('.npy header is truncated');
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataStart = 8 + lengthBytes + headerLength;
  if (dataStart > bytes.length) fail('.npy header is truncated');
  // Latin-1, in slices: spreading a header of 100k+ bytes into fromCharCode overflows the stack.
  const header = strFromU8(bytes.subarray(8 + lengthBytes, dataStart), true);
  const descr = /'descr':\s*'([^']*)'/.exec(header)?.[1];
  if (descr !== '<f4') fail(`holds dtype '${descr ?? '?'}', expected little-endian float32 ('<f4')`);
  if (!/'fortran_order':\s*False/.test(header)) fail('is in Fortran order; only C order is supported');
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? fail('.npy header has no shape');
  const shape = shapeText.split(',').map((part) => part.trim()).filter(Boolean).map(Number);
  if (shape.some((n) => !Number.isSafeInteger(n) || n < 0)) fail(`.npy shape (${shapeText}) is not a list of sizes`);
  const count = shape.reduce((product, n) => product * n, 1);
  const available = bytes.length - dataStart;
  if (available !== count * 4) {
    fail(`has ${available} data bytes, expected ${count * 4} for shape [${shape.join(', ')}] (truncated?)`);
  }
  return { shape, dataStart, count };
}
