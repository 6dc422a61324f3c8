import * as ort from 'onnxruntime-web/webgpu';
import type { ExecutionProvider } from '../protocol/pipeline-protocol';

/** Which backend runs the models, and if it is not WebGPU, why (shown to the user as a banner). */
export interface BackendChoice {
  readonly provider: ExecutionProvider;
  /** null when WebGPU is used; otherwise the reason in words a user can act on. */
  readonly fallbackReason: string | null;
  readonly wasmThreads: number;
}

let configured = false;

/** One-time onnxruntime-web set-up: where its .wasm files are served, and how many threads WASM may use. */
export function configureOnnxRuntime(): number {
  const threads = globalThis.crossOriginIsolated ? Math.max(1, Math.min(8, navigator.hardwareConcurrency || 1)) : 1;
  if (!configured) {
    ort.env.wasm.wasmPaths = new URL('/ort/', location.href).href;
    ort.env.wasm.numThreads = threads;
    configured = true;
  }
  return ort.env.wasm.numThreads ?? threads;
}

/** WebGPU when this context has a usable adapter, else multi-threaded WASM with the reason. */
export async function chooseBackend(preferred: ExecutionProvider = 'webgpu'): Promise<BackendChoice> {
  const wasmThreads = configureOnnxRuntime();
  if (preferred === 'wasm') return { provider: 'wasm', fallbackReason: 'WebAssembly was chosen in the settings', wasmThreads };
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) {
    return { provider: 'wasm', fallbackReason: 'this browser has no WebGPU (navigator.gpu is missing)', wasmThreads };
  }
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return { provider: 'wasm', fallbackReason: 'WebGPU found no usable GPU adapter', wasmThreads };
  return { provider: 'webgpu', fallbackReason: null, wasmThreads };
}

export async function createSession(model: ArrayBuffer | Uint8Array, provider: ExecutionProvider): Promise<ort.InferenceSession> {
  const bytes = model instanceof Uint8Array ? model : new Uint8Array(model);
  return ort.InferenceSession.create(bytes, { executionProviders: [provider], graphOptimizationLevel: 'all' });
}

export { ort };
