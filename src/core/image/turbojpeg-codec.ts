import { JPEG_CHANNELS, type JpegCodec, type JpegComponents, type JpegPixels } from './jpeg-codec';

/**
 * A JpegCodec on a WebAssembly build of libjpeg-turbo's TurboJPEG API: the npm package
 * `@cwasm/jpeg-turbo` (MIT; libjpeg-turbo 2.0.4 built with the WASI SDK, no SIMD, no arithmetic
 * decoding), whose `jpeg-turbo.wasm` exports the functions below. Only its .wasm is used: the
 * adapters compile it (the browser worker from a URL, Node from node_modules) and pass
 * `instantiate`; everything else — calling convention, errors, memory — is here, pure, so both
 * environments decode through the same code. Pillow's libjpeg-turbo 2.1.5 gives the same pixels
 * (e2e/fixtures/pillow-decode): both run the ISLOW inverse DCT and fancy upsampling.
 */
export const TURBOJPEG_BUILD = 'libjpeg-turbo 2.0.4 (WebAssembly, @cwasm/jpeg-turbo 0.1.3)';

/** What the module exports; pointers are byte offsets into `memory`. */
export interface TurboJpegExports {
  readonly memory: { readonly buffer: ArrayBuffer };
  malloc(size: number): number;
  free(pointer: number): void;
  tjInitDecompress(): number;
  tjDecompressHeader3(handle: number, jpeg: number, size: number, width: number, height: number, subsampling: number, colourspace: number): number;
  tjDecompress2(handle: number, jpeg: number, size: number, out: number, width: number, pitch: number, height: number, pixelFormat: number, flags: number): number;
  tjDestroy(handle: number): number;
}

/** Instantiates the compiled module with these imports (synchronously: the module is compiled once). */
export type TurboJpegInstantiate = (imports: TurboJpegImports) => Readonly<Record<string, unknown>>;
export type TurboJpegImports = Readonly<Record<string, Readonly<Record<string, (...args: number[]) => number | void>>>>;

const FUNCTIONS = ['malloc', 'free', 'tjInitDecompress', 'tjDecompressHeader3', 'tjDecompress2', 'tjDestroy'] as const;

/** TurboJPEG pixel formats (turbojpeg.h TJPF). */
const PIXEL_FORMAT: Readonly<Record<JpegComponents, number>> = { rgb: 0, grey: 6, cmyk: 11 };

/** After decoding a huge image the module keeps its grown memory; above this, start afresh. */
const RESET_ABOVE_BYTES = 64 * 2 ** 20;

/** libjpeg's fatal errors call longjmp, which this build leaves to its host: it throws this. */
class LibjpegStop extends Error {}

/**
 * The module's global error text (turbojpeg.c `errStr`) holds libjpeg's message after a fatal error.
 * It starts as "No error", so its place is found by that text; the copy that changed is the message.
 */
const NO_ERROR = [...'No error\0'].map((c) => c.charCodeAt(0));

interface Instance {
  readonly exports: TurboJpegExports;
  readonly handle: number;
  readonly messageSlots: readonly number[];
}

export function createTurboJpegCodec(instantiate: TurboJpegInstantiate): JpegCodec {
  let instance: Instance | null = null;
  return {
    name: TURBOJPEG_BUILD,
    decode(bytes, components) {
      instance ??= start(instantiate);
      const current = instance;
      try {
        return decodeWith(current, bytes, components);
      } catch (error) {
        instance = null; // a throw leaves its stack and heap mid-call: start afresh next time
        throw error instanceof LibjpegStop ? new Error(messageOf(current)) : error;
      } finally {
        if (current.exports.memory.buffer.byteLength > RESET_ABOVE_BYTES) instance = null;
      }
    },
  };
}

function start(instantiate: TurboJpegInstantiate): Instance {
  const exports = checkExports(instantiate(IMPORTS));
  const handle = exports.tjInitDecompress();
  if (handle === 0) throw new Error('libjpeg-turbo could not start a decompressor');
  return { exports, handle, messageSlots: findAll(new Uint8Array(exports.memory.buffer), NO_ERROR) };
}

function decodeWith({ exports: x, handle }: Instance, bytes: Uint8Array, components: JpegComponents): JpegPixels {
  const padded = (bytes.length + 3) & ~3;
  const input = allocate(x, padded + 16); // the header's four ints follow the data
  new Uint8Array(x.memory.buffer, input, bytes.length).set(bytes);
  const info = input + padded;
  if (x.tjDecompressHeader3(handle, input, bytes.length, info, info + 4, info + 8, info + 12) !== 0) {
    throw new Error('libjpeg-turbo could not read the header');
  }
  const [width, height] = new Int32Array(x.memory.buffer, info, 2);
  const length = width! * height! * JPEG_CHANNELS[components];
  const output = allocate(x, length);
  // −1 without a throw means libjpeg only warned (e.g. extraneous bytes before a marker): the image
  // is complete, and Pillow, which ignores libjpeg's warnings, returns it too.
  x.tjDecompress2(handle, input, bytes.length, output, width!, 0, height!, PIXEL_FORMAT[components], 0);
  const data = new Uint8Array(x.memory.buffer, output, length).slice();
  // Freed only after a call that returned: a throw leaves the instance to be dropped whole.
  x.free(output);
  x.free(input);
  return { width: width!, height: height!, data };
}

function allocate(x: TurboJpegExports, size: number): number {
  const pointer = x.malloc(size);
  if (pointer === 0) throw new Error(`libjpeg-turbo ran out of memory (${Math.ceil(size / 2 ** 20)} MB asked for)`);
  return pointer;
}

function messageOf({ exports, messageSlots }: Instance): string {
  const memory = new Uint8Array(exports.memory.buffer);
  for (const at of messageSlots) {
    const end = memory.indexOf(0, at);
    const text = String.fromCharCode(...memory.subarray(at, Math.min(end, at + 200)));
    if (text !== 'No error' && /^[\x20-\x7e]+$/.test(text)) return text;
  }
  return 'libjpeg-turbo stopped with an error';
}

function findAll(memory: Uint8Array, pattern: readonly number[]): number[] {
  const found: number[] = [];
  for (let at = memory.indexOf(pattern[0]!); at >= 0; at = memory.indexOf(pattern[0]!, at + 1)) {
    if (pattern.every((b, i) => memory[at + i] === b)) found.push(at);
  }
  return found;
}

function checkExports(exports: Readonly<Record<string, unknown>>): TurboJpegExports {
  const missing = FUNCTIONS.filter((name) => typeof exports[name] !== 'function');
  const memory = exports['memory'] as { buffer?: unknown } | undefined;
  if (missing.length > 0 || !(memory?.buffer instanceof ArrayBuffer)) {
    throw new Error(`not the expected libjpeg-turbo WebAssembly module (missing ${[...missing, ...(memory ? [] : ['memory'])].join(', ')})`);
  }
  return exports as unknown as TurboJpegExports;
}

const unsupported = (name: string) => () => {
  throw new Error(`libjpeg-turbo called ${name}, which this decoder does not provide`);
};

/** The WASI and setjmp imports the build expects. Decoding from memory never touches files. */
const IMPORTS: TurboJpegImports = {
  env: {
    setjmp: () => 0,
    longjmp: () => {
      throw new LibjpegStop('libjpeg stopped');
    },
  },
  wasi_snapshot_preview1: {
    environ_sizes_get: () => 0,
    environ_get: unsupported('environ_get'),
    proc_exit: unsupported('proc_exit'),
    fd_close: unsupported('fd_close'),
    fd_seek: unsupported('fd_seek'),
    fd_write: unsupported('fd_write'),
  },
};
