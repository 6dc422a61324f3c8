import { AutoImageProcessor, CLIPVisionModelWithProjection, env, type ImageProcessor, type PreTrainedModel } from '@huggingface/transformers';

/**
 * transformers.js (`@huggingface/transformers`, Apache-2.0, a devDependency only the bench imports)
 * set up as the lab's peer: the repo's tiny-vit in the Hugging Face hub layout from the bench's local
 * hub server, and onnxruntime-web's WebAssembly (transformers.js's own version of it) from the bench's
 * server; nothing from the network. By default transformers.js fetches models from huggingface.co and
 * onnxruntime's .wasm/.mjs from jsDelivr: both are pointed here, and every fetch it makes to another
 * origin is refused, so a forgotten setting fails the bench instead of reaching out.
 */
export const PEER_REPO = 'cdul/tiny-vit';
/** Where the bench's preview server serves transformers.js's onnxruntime-web dist files. */
export const PEER_ORT_PATH = '/peer-ort/';

export interface TransformersJsPeer {
  readonly processor: ImageProcessor;
  readonly model: PreTrainedModel;
  readonly version: string;
  readonly onnxRuntimeVersion: string;
}

/** `hubUrl`: the local hub server's origin (e2e/support/hub-server.ts); `threads`: the lab's WASM thread count. */
export async function openTransformersJs(hubUrl: string, threads: number): Promise<TransformersJsPeer> {
  const allowed = new Set([location.origin, new URL(hubUrl).origin]);
  env.fetch = (input, init) => {
    const url = new URL(String(input), location.href);
    if (!allowed.has(url.origin)) return Promise.reject(new Error(`transformers.js tried to fetch ${url.href}: only the bench's own servers are allowed`));
    return fetch(url, init);
  };
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.remoteHost = `${hubUrl}/`;
  env.remotePathTemplate = '{model}/resolve/{revision}/';
  env.useBrowserCache = false; // each bench run loads from the local server, nothing kept in the profile
  env.useWasmCache = false;
  const wasm = env.backends.onnx.wasm!;
  const ort = new URL(PEER_ORT_PATH, location.href).href;
  wasm.wasmPaths = { mjs: `${ort}ort-wasm-simd-threaded.asyncify.mjs`, wasm: `${ort}ort-wasm-simd-threaded.asyncify.wasm` };
  wasm.numThreads = threads;
  const processor = await AutoImageProcessor.from_pretrained(PEER_REPO);
  const model = await CLIPVisionModelWithProjection.from_pretrained(PEER_REPO, { device: 'wasm', dtype: 'fp32' });
  return { processor, model, version: env.version, onnxRuntimeVersion: env.backends.onnx.versions?.web ?? 'unknown' };
}
