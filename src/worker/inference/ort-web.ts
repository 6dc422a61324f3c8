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

/**
 * One-time onnxruntime-web set-up: where its .wasm files are served, and how many threads WASM may
 * use: every core but one, which the prepare workers decode on (see prepare/pool-size.ts), at most 8.
 * On 2 cores that is 1: with tiny-vit one thread encodes voc-mini's 1,000 crops in ~1.5 s, two in
 * ~0.9–1.3 s but on both cores, the one the prepare worker needs; in paired runs the whole pipeline
 * took ~1.85 s with 1 thread (1 or 2 workers), 2.1–2.5 s with 2 threads (1 or 2 workers).
 */
export function configureOnnxRuntime(): number {
  const threads = globalThis.crossOriginIsolated ? Math.max(1, Math.min(8, (navigator.hardwareConcurrency || 1) - 1)) : 1;
  if (!configured) {
    ort.env.wasm.wasmPaths = new URL('/ort/', location.href).href;
    ort.env.wasm.numThreads = threads;
    configured = true;
  }
  return ort.env.wasm.numThreads ?? threads;
}

/**
 * Cores a model keeps busy while it encodes: onnxruntime's WASM threads; on WebGPU, the thread that
 * feeds the GPU and the browser's GPU process, which copies every input to the device.
 */
export function modelCpuThreads(provider: ExecutionProvider): number {
  return provider === 'wasm' ? configureOnnxRuntime() : 2;
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
