/**
 * A seeded mutator for fuzzing the file readers (test-only): the same random source gives the same
 * damaged file, so a failing case reproduces from its seed alone. Binary files are cut, bit-flipped,
 * given inserted bytes, overwritten with boundary values (0, 0xFF…, 0x7F…: lengths and sizes) or have
 * two windows swapped; text files (JSON, XML) also have tokens — values, keys, tags — swapped or
 * replaced textually, so the parser succeeds and the reader meets well-formed nonsense.
 */
export type Random = () => number;

export interface Mutated {
  readonly bytes: Uint8Array;
  /** What was done, in order, e.g. "flip bit 3 of byte 120": printed when a case fails. */
  readonly steps: readonly string[];
}

const int = (random: Random, below: number) => Math.floor(random() * below);

/** Half the positions fall in the first kilobyte, where headers and length fields are. */
function position(random: Random, length: number): number {
  if (length === 0) return 0;
  return random() < 0.5 ? int(random, Math.min(length, 1024)) : int(random, length);
}

const BOUNDARY_VALUES: readonly (readonly number[])[] = [
  [0x00], [0xff], [0x7f], [0x80], [0x00, 0x00], [0xff, 0xff], [0x00, 0x00, 0x00, 0x00], [0xff, 0xff, 0xff, 0xff],
  [0xff, 0xff, 0xff, 0x7f], [0x00, 0x00, 0x00, 0x80], [0x01, 0x00, 0x00, 0x00],
];

type ByteStep = (bytes: Uint8Array, random: Random) => [Uint8Array, string];

const truncate: ByteStep = (bytes, random) => {
  const at = random() < 0.3 ? int(random, Math.min(bytes.length, 64)) : int(random, bytes.length);
  return [bytes.slice(0, at), `truncate to ${at} bytes`];
};

const flip: ByteStep = (bytes, random) => {
  const out = bytes.slice();
  const flips = 1 + int(random, 4);
  const where: string[] = [];
  for (let i = 0; i < flips && out.length > 0; i++) {
    const at = position(random, out.length);
    const bit = int(random, 8);
    out[at] = out[at]! ^ (1 << bit);
    where.push(`${at}.${bit}`);
  }
  return [out, `flip bits ${where.join(', ')}`];
};

const insert: ByteStep = (bytes, random) => {
  const at = position(random, bytes.length + 1);
  const count = 1 + int(random, random() < 0.8 ? 8 : 200);
  const added = Uint8Array.from({ length: count }, () => int(random, 256));
  const out = new Uint8Array(bytes.length + count);
  out.set(bytes.subarray(0, at), 0);
  out.set(added, at);
  out.set(bytes.subarray(at), at + count);
  return [out, `insert ${count} random bytes at ${at}`];
};

const overwrite: ByteStep = (bytes, random) => {
  const out = bytes.slice();
  const value = BOUNDARY_VALUES[int(random, BOUNDARY_VALUES.length)]!;
  const at = position(random, out.length);
  value.forEach((byte, i) => {
    if (at + i < out.length) out[at + i] = byte;
  });
  return [out, `overwrite ${value.length} byte(s) at ${at} with ${value.map((b) => b.toString(16)).join(' ')}`];
};

const swapWindows: ByteStep = (bytes, random) => {
  const size = 1 + int(random, 16);
  if (bytes.length < 2 * size) return flip(bytes, random);
  const a = int(random, bytes.length - 2 * size + 1);
  const b = a + size + int(random, bytes.length - a - 2 * size + 1);
  const out = bytes.slice();
  out.set(bytes.subarray(b, b + size), a);
  out.set(bytes.subarray(a, a + size), b);
  return [out, `swap ${size}-byte windows at ${a} and ${b}`];
};

const BYTE_STEPS: readonly ByteStep[] = [truncate, flip, insert, overwrite, swapWindows];

/** Tokens a text mutation moves: JSON strings, numbers and literals; XML tags and element text. */
const TOKENS = /"(?:[^"\\\n]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\btrue\b|\bfalse\b|\bnull\b|<\/?[A-Za-z_][\w.-]*\s*\/?>|(?<=>)[^<>\n]+(?=<)/g;

/** Values that are well-formed but wrong: other types, empty, negative, huge, non-finite, odd markup. */
const REPLACEMENTS: readonly string[] = [
  '""', '"x"', '0', '-1', '1e309', '99999999999999999999', '0.5', 'null', 'true', '[]', '{}', '[1,[2,[3]]]',
  '{"a":{}}', '<object/>', '<name></name>', '</annotation>', '&amp;', '&#0;', '-0', 'NaN',
];

type TextStep = (text: string, random: Random) => [string, string] | null;

const swapTokens: TextStep = (text, random) => {
  const tokens = [...text.matchAll(TOKENS)];
  if (tokens.length < 2) return null;
  let i = int(random, tokens.length);
  let j = int(random, tokens.length - 1);
  if (j >= i) j++;
  if (i > j) [i, j] = [j, i];
  const [a, b] = [tokens[i]!, tokens[j]!];
  const swapped = text.slice(0, a.index) + b[0] + text.slice(a.index + a[0].length, b.index) + a[0] + text.slice(b.index + b[0].length);
  return [swapped, `swap tokens ${JSON.stringify(a[0].slice(0, 30))} at ${a.index} and ${JSON.stringify(b[0].slice(0, 30))} at ${b.index}`];
};

const replaceToken: TextStep = (text, random) => {
  const tokens = [...text.matchAll(TOKENS)];
  if (tokens.length === 0) return null;
  const token = tokens[int(random, tokens.length)]!;
  const value = REPLACEMENTS[int(random, REPLACEMENTS.length)]!;
  const replaced = text.slice(0, token.index) + value + text.slice(token.index + token[0].length);
  return [replaced, `replace ${JSON.stringify(token[0].slice(0, 30))} at ${token.index} with ${value}`];
};

const TEXT_STEPS: readonly TextStep[] = [swapTokens, replaceToken];

/**
 * One to three mutations in a row. `text`: the file is UTF-8 text, and half the steps are textual
 * swaps or replacements (the rest are byte steps, which also break the encoding or the markup).
 */
export function mutate(bytes: Uint8Array, random: Random, text = false): Mutated {
  const steps: string[] = [];
  let out = bytes;
  const count = 1 + int(random, 3);
  for (let k = 0; k < count; k++) {
    const textual = text && random() < 0.5 ? TEXT_STEPS[int(random, TEXT_STEPS.length)]!(new TextDecoder().decode(out), random) : null;
    if (textual) {
      out = new TextEncoder().encode(textual[0]);
      steps.push(textual[1]);
      continue;
    }
    const [next, step] = BYTE_STEPS[int(random, BYTE_STEPS.length)]!(out, random);
    out = next;
    steps.push(step);
  }
  return { bytes: out, steps };
}
