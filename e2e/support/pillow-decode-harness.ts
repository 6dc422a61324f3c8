/**
 * Runs in the browser (Vite dev serves it to e2e/pillow-decode.html): starts a module worker that
 * decodes and preprocesses e2e/fixtures/pillow-decode with the lab's browser adapter (the prepare
 * workers' libjpeg-turbo WebAssembly), and returns SHA-256 digests for the spec to compare with
 * Pillow's PNGs, read in Node.
 */
export interface DecodeRequest {
  /** Fixture names whose JPEGs are decoded (digest of the RGB bytes). */
  readonly decode: readonly string[];
  /** Fixture names whose crops are computed: the whole image and the 3×3 snippets. */
  readonly crops: readonly string[];
}

export interface DecodeDigests {
  readonly decoder: string;
  /** name → {width, height, sha256 of the packed RGB bytes}. */
  readonly decoded: Record<string, { width: number; height: number; sha256: string }>;
  /** `${name}_${k}` → sha256 of crop k's uint8 RGB pixels (k = 0 the whole image, 1…9 the snippets). */
  readonly crops: Record<string, string>;
  /** name → sha256 of the float32 tensor [10, 3, 224, 224] the prepare workers would hand over. */
  readonly tensors: Record<string, string>;
}

export type FromDecodeWorker = { readonly ok: true; readonly digests: DecodeDigests } | { readonly ok: false; readonly message: string };

export function decodeInWorker(request: DecodeRequest): Promise<DecodeDigests> {
  const worker = new Worker(new URL('./pillow-decode-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<DecodeDigests>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromDecodeWorker>) => {
      if (event.data.ok) resolve(event.data.digests);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => reject(new Error(event.message || 'the decode worker failed to start'));
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
