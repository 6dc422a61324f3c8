import { strToU8, zipSync } from 'fflate';

/**
 * Builds PyTorch .pt files byte for byte as torch.save writes them (protocol-2 pickle in a stored zip),
 * so tests can make well-formed and malformed cache files. Test-only: never imported by app code.
 */

/** A Python value as pickle would encode it; arrays are tuples. */
export type Py =
  | null
  | boolean
  | number
  | string
  | Py[]
  | { global: [string, string] }
  | { persid: Py }
  | { call: [Py, Py[]] };

/** Encodes like CPython's protocol-2 pickler, memoizing (BINPUT) strings, globals, tuples and calls. */
function encode(value: Py, out: number[], memo = { next: 0 }): number[] {
  const put = () => out.push(0x71, memo.next++);
  const u32 = (v: number) => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24];
  if (value === null) out.push(0x4e);
  else if (typeof value === 'boolean') out.push(value ? 0x88 : 0x89);
  else if (typeof value === 'number') {
    if (value >= 0 && value < 256) out.push(0x4b, value);
    else if (value >= 0 && value < 65536) out.push(0x4d, value & 0xff, value >> 8);
    else out.push(0x4a, ...u32(value >>> 0));
  } else if (typeof value === 'string') {
    const bytes = strToU8(value);
    out.push(0x58, ...u32(bytes.length), ...bytes);
    put();
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(0x29); // EMPTY_TUPLE, which pickle does not memoize
    } else {
      if (value.length > 3) out.push(0x28);
      for (const item of value) encode(item, out, memo);
      out.push(value.length > 3 ? 0x74 : 0x84 + value.length); // TUPLE or TUPLE1..3
      put();
    }
  } else if ('global' in value) {
    out.push(0x63, ...strToU8(`${value.global[0]}\n${value.global[1]}\n`));
    put();
  } else if ('persid' in value) {
    encode(value.persid, out, memo);
    out.push(0x51);
  } else {
    encode(value.call[0], out, memo);
    encode(value.call[1], out, memo);
    out.push(0x52);
    put();
  }
  return out;
}

export interface TensorSpec {
  storage?: string;
  numel: number;
  offset?: number;
  size: number[];
  stride?: number[];
}

/** The data.pkl torch.save writes for one tensor (same opcodes and memo numbers). */
export function tensorCall(spec: TensorSpec): Py {
  const { size, offset = 0 } = spec;
  const stride = spec.stride ?? size.map((_, axis) => size.slice(axis + 1).reduce((a, b) => a * b, 1));
  const type: Py = { global: ['torch', spec.storage ?? 'FloatStorage'] };
  const storage: Py = { persid: ['storage', type, '0', 'cuda:0', spec.numel] };
  const hooks: Py = { call: [{ global: ['collections', 'OrderedDict'] }, []] };
  const rebuild: Py = { global: ['torch._utils', '_rebuild_tensor_v2'] };
  return { call: [rebuild, [storage, offset, size, stride, false, hooks]] };
}
export function pickleOf(value: Py): Uint8Array {
  return Uint8Array.from([0x80, 0x02, ...encode(value, []), 0x2e]);
}

/**
 * A .pt zip: data.pkl, data/0 (omitted when null) and any extra records, under `prefix`/ (torch.save
 * names it after the file: the reference caches use the image id).
 */
export function ptFile(pkl: Uint8Array, storage: Uint8Array | null, extra: Record<string, string> = {}, prefix = 'archive'): Uint8Array {
  const files: Record<string, Uint8Array> = { [`${prefix}/data.pkl`]: pkl, [`${prefix}/version`]: strToU8('3\n') };
  if (storage !== null) files[`${prefix}/data/0`] = storage;
  for (const [name, text] of Object.entries(extra)) files[`${prefix}/${name}`] = strToU8(text);
  return zipSync(files, { level: 0 });
}
export function floats(values: number[]): Uint8Array {
  return new Uint8Array(Float32Array.from(values).buffer);
}

/** A well-formed .pt holding one float32 tensor of `values` with the given shape. */
export function floatTensorPt(values: number[], size: number[] = [values.length]): Uint8Array {
  return ptFile(pickleOf(tensorCall({ numel: values.length, size })), floats(values));
}
