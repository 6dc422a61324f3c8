import * as ort from 'onnxruntime-web/webgpu';
import { adapterName, isSoftwareAdapter, type AdapterIdentity } from '../../gpu/software-adapter';
import type { BackendPreference, ExecutionProvider } from '../protocol/pipeline-protocol';
import { cpuNodes, type PlacedNode } from './node-placements';
import { captureOrtLog, installOrtLogFilter } from './ort-log';

/** Which backend runs the models, and if it is not WebGPU, why (shown to the user as a banner). */
export interface BackendChoice {
  readonly provider: ExecutionProvider;
  /** null when WebGPU is used; otherwise the reason in words a user can act on. */
  readonly fallbackReason: string | null;
  readonly wasmThreads: number;
  /**
   * True when WebAssembly is what the user asked for, directly ('wasm') or by the automatic rule (a
   * software adapter): the run panel's note says why, and no view warns of a fallback.
   */
  readonly expected: boolean;
  /** The adapter seen: what the other backend could do (pipeline/backend-advice.ts). */
  readonly gpu: GpuKind;
}

/** The adapter as the backend choice saw it: none, a hardware GPU, or a software renderer. */
export type GpuKind = 'none' | 'hardware' | 'software';

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
    // Before onnxruntime's module loads and binds console.error (ort-log.ts); Error and above only.
    installOrtLogFilter();
    ort.env.logLevel = 'error';
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

/**
 * WebGPU when this context has a usable adapter, else multi-threaded WASM with the reason. 'auto' (the
 * default) takes WebAssembly on a software adapter too: SwiftShader encoded demo-clip's 2-crop images at
 * ~0.1 images/s where WebAssembly did ~10 (the demo: not one chunk of 8 in 6.5 minutes).
 */
export async function chooseBackend(preferred: BackendPreference = 'auto'): Promise<BackendChoice> {
  const wasmThreads = configureOnnxRuntime();
  const adapter = await findAdapter();
  const gpu: GpuKind = adapter ? (isSoftwareAdapter(adapter) ? 'software' : 'hardware') : 'none';
  const wasm = (fallbackReason: string, expected = false): BackendChoice => ({ provider: 'wasm', fallbackReason, wasmThreads, gpu, expected });
  if (preferred === 'wasm') return wasm('WebAssembly was chosen in the settings', true);
  if (!('gpu' in navigator)) return wasm('this browser has no WebGPU (navigator.gpu is missing)');
  if (!adapter) return wasm('WebGPU found no usable GPU adapter');
  if (preferred === 'auto' && gpu === 'software') {
    return wasm(
      `the WebGPU adapter is a software renderer (${adapterName(adapter)}), which runs on the CPU far slower than WebAssembly; ` +
        'choose “WebGPU (the GPU)” under “Run on” to use it anyway',
      true,
    );
  }
  return { provider: 'webgpu', fallbackReason: null, wasmThreads, gpu, expected: true };
}

async function findAdapter(): Promise<AdapterIdentity | null> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  const adapter = await gpu?.requestAdapter().catch(() => null);
  if (!adapter) return null;
  const info = adapter.info;
  return { vendor: info.vendor, architecture: info.architecture, description: info.description, isFallbackAdapter: Boolean((info as { isFallbackAdapter?: boolean }).isFallbackAdapter) };
}

/** A session, and on WebGPU the nodes onnxruntime kept on the CPU (read from its Verbose log while it is created). */
export interface CreatedSession {
  readonly session: ort.InferenceSession;
  readonly cpuNodes: readonly PlacedNode[];
}

export async function createSession(model: ArrayBuffer | Uint8Array, provider: ExecutionProvider): Promise<CreatedSession> {
  configureOnnxRuntime();
  const bytes = model instanceof Uint8Array ? model : new Uint8Array(model);
  const options = { executionProviders: [provider], graphOptimizationLevel: 'all' } as const;
  if (provider !== 'webgpu') return { session: await ort.InferenceSession.create(bytes, { ...options, logSeverityLevel: 3 }), cpuNodes: [] };
  // Verbose while the session is created: the placements are logged then, and the filter keeps them off the console.
  const { result, lines } = await captureOrtLog(() => ort.InferenceSession.create(bytes, { ...options, logSeverityLevel: 0 }));
  return { session: result, cpuNodes: cpuNodes(lines) };
}

export { ort };
