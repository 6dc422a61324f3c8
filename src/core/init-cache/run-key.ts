/**
 * Keys of the browser's initialization cache (src/worker/storage): which dataset, split, model,
 * preprocessing and grid a run of image embeddings belongs to. A key that changes whenever any of them
 * changes, and only then, is what lets a reload resume a run and refuses to mix runs.
 *
 * The hash is a small SHA-256 written here because the core must run without crypto.subtle (async,
 * browser only) or node:crypto; inputs are a few hundred kilobytes at most (a VOC file list).
 */

/** One file of a dataset folder; `path` relative to the dataset root with `/` separators. */
export interface DatasetFileEntry {
  readonly path: string;
  readonly size: number;
  /** Milliseconds since the epoch, when the file source knows it. */
  readonly lastModified?: number;
}

/**
 * SHA-256 (hex) of the entries sorted by path: the same files give the same fingerprint in any order,
 * and a renamed, added, removed, resized or touched file gives another. An entry without
 * `lastModified` differs from one with it, so one dataset should always be listed by one adapter.
 */
export function datasetFingerprint(entries: readonly DatasetFileEntry[]): string {
  const sorted = [...entries].sort(
    (a, b) =>
      compareCodeUnits(a.path, b.path) || a.size - b.size || (a.lastModified ?? -Infinity) - (b.lastModified ?? -Infinity) || 0,
  );
  // JSON of tuples is unambiguous whatever characters a path holds (no separator can be forged).
  return sha256Hex(JSON.stringify(sorted.map((entry) => [entry.path, entry.size, entry.lastModified ?? null])));
}

/** The preprocessing that turns an image into crops (fields of ClipModelConfig; others are ignored). */
export interface RunPreprocessing {
  readonly inputSize: number;
  readonly resizeShortestEdge: number;
  readonly mean: readonly number[];
  readonly std: readonly number[];
  /** Pixel values are multiplied by this before normalising (1/255, or 1 without do_rescale). */
  readonly rescaleFactor: number;
}

export interface RunKeyParts {
  /** From `datasetFingerprint` (lowercase hex). */
  readonly datasetFingerprint: string;
  readonly split: string;
  readonly modelId: string;
  readonly preprocessing: RunPreprocessing;
  /** N of the N×N snippet grid. */
  readonly grid: number;
}

/**
 * A readable, stable key such as `voc:3f2a9c01b7de/split:train/model:tiny-vit/pre:5e0c1a7b/grid:3`.
 * Prompts and classes are not part of it: image embeddings do not depend on them.
 * Split and model id are URI-escaped, so a `/` in them cannot make two different runs collide.
 */
export function runKey(parts: RunKeyParts): string {
  const { datasetFingerprint: fingerprint, split, modelId, preprocessing, grid } = parts;
  if (!/^[0-9a-f]{12,}$/.test(fingerprint)) throw new RangeError(`run key: dataset fingerprint '${fingerprint}' is not a hex hash`);
  if (!Number.isInteger(grid) || grid < 1) throw new RangeError(`run key: grid ${grid} is not a positive integer`);
  return joinRunKey(`voc:${fingerprint.slice(0, 12)}`, { split, modelId, preHash: preprocessingHash(preprocessing), grid });
}

/**
 * The one layout of a store key, `<source>/split:…/model:…/pre:…/grid:…`: val sets and Compare's other
 * grids match runs by these parts (computed runs and opened cache folders alike).
 */
export function joinRunKey(source: string, parts: { readonly split: string; readonly modelId: string; readonly preHash: string; readonly grid: number }): string {
  return [source, `split:${encodeURIComponent(parts.split)}`, `model:${encodeURIComponent(parts.modelId)}`, `pre:${parts.preHash}`, `grid:${parts.grid}`].join('/');
}

/** 8 hex digits over exactly the fields that change the pixels (picked, so extra fields are ignored). */
function preprocessingHash(pre: RunPreprocessing): string {
  const { inputSize, resizeShortestEdge, mean, std, rescaleFactor } = pre;
  return sha256Hex(JSON.stringify([inputSize, resizeShortestEdge, [...mean], [...std], rescaleFactor])).slice(0, 8);
}

// Locale-independent (localeCompare would make the fingerprint depend on the user's language).
const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const ROUND_CONSTANTS = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

type EightWords = [number, number, number, number, number, number, number, number];

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** SHA-256 of the UTF-8 encoding of `text` (lone surrogates as U+FFFD, as TextEncoder does), in hex. */
export function sha256Hex(text: string): string {
  const bytes = utf8(text);
  const padded = new Uint8Array((((bytes.length + 8) >> 6) + 1) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bytes.length / 0x20000000));
  view.setUint32(padded.length - 4, (bytes.length << 3) >>> 0);
  const state = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) compressBlock(state, w, view, offset);
  return Array.from(state, (word) => word.toString(16).padStart(8, '0')).join('');
}

function compressBlock(state: Uint32Array, w: Uint32Array, view: DataView, offset: number): void {
  for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + 4 * i);
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    w[i] = w[i - 16]! + (rotr(x, 7) ^ rotr(x, 18) ^ (x >>> 3)) + w[i - 7]! + (rotr(y, 17) ^ rotr(y, 19) ^ (y >>> 10));
  }
  let [a, b, c, d, e, f, g, h] = state as unknown as EightWords;
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + ROUND_CONSTANTS[i]! + w[i]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  // Uint32Array stores wrap modulo 2³², which is exactly SHA-256's addition.
  const words = [a, b, c, d, e, f, g, h];
  for (let i = 0; i < 8; i++) state[i] = state[i]! + words[i]!;
}

/** UTF-8 without TextEncoder, which is not in the ES-only lib the core is checked against. */
function utf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  // An index loop over code units (for…of over code points is several times slower on long lists).
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) code = surrogatePair(text, i) ?? 0xfffd;
    if (code > 0xffff) i++;
    // Leading byte, then the continuation bytes (6 bits each, most significant first).
    const continuations = code < 0x800 ? 1 : code < 0x10000 ? 2 : 3;
    out[n++] = ([0, 0xc0, 0xe0, 0xf0][continuations] ?? 0) | (code >> (6 * continuations));
    for (let shift = 6 * (continuations - 1); shift >= 0; shift -= 6) out[n++] = 0x80 | ((code >> shift) & 0x3f);
  }
  return out.subarray(0, n);
}

/** The code point of a high + low surrogate pair at `i`, or undefined for a lone surrogate. */
function surrogatePair(text: string, i: number): number | undefined {
  const high = text.charCodeAt(i);
  const low = text.charCodeAt(i + 1);
  if (high > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return undefined;
  return 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
}
