import wasmUrl from '@cwasm/jpeg-turbo/jpeg-turbo.wasm?url';
import type { JpegCodec } from '../../core/image/jpeg-codec';
import { createTurboJpegCodec } from '../../core/image/turbojpeg-codec';

let loading: Promise<JpegCodec> | undefined;

/**
 * The JPEG decoder in the browser: the same WebAssembly libjpeg-turbo as the CLI's
 * (core/image/turbojpeg-codec.ts), which Vite serves as an asset; fetched and compiled once per
 * worker (~140 kB). A failure says so and is not remembered (the next call tries again): there is no
 * other decoder to fall back to, since other pixels would not match the reference's.
 */
export function loadBrowserJpegCodec(): Promise<JpegCodec> {
  loading ??= compile().catch((error: unknown) => {
    loading = undefined;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the JPEG decoder (libjpeg-turbo WebAssembly, ${wasmUrl}) could not be loaded: ${reason}`);
  });
  return loading;
}

async function compile(): Promise<JpegCodec> {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const module = await WebAssembly.compile(await response.arrayBuffer());
  return createTurboJpegCodec((imports) => new WebAssembly.Instance(module, imports).exports);
}
