import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { JpegCodec } from '../../core/image/jpeg-codec';
import { createTurboJpegCodec } from '../../core/image/turbojpeg-codec';

/** The WebAssembly libjpeg-turbo the browser worker loads too (see core/image/turbojpeg-codec.ts). */
const WASM_FILE = '@cwasm/jpeg-turbo/jpeg-turbo.wasm';

let module: WebAssembly.Module | undefined;
let codec: JpegCodec | undefined;

/** The module, read from node_modules and compiled once per thread (~5 ms, synchronously at this size). */
export function turboJpegModule(): WebAssembly.Module {
  module ??= new WebAssembly.Module(readFileSync(createRequire(import.meta.url).resolve(WASM_FILE)));
  return module;
}

/**
 * The JPEG decoder in Node, so the CLI, its worker thread, the tests and the benchmarks decode
 * exactly as the browser does.
 */
export function nodeJpegCodec(): JpegCodec {
  const compiled = turboJpegModule();
  codec ??= createTurboJpegCodec((imports) => new WebAssembly.Instance(compiled, imports).exports);
  return codec;
}
