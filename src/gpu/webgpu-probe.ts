/**
 * Finds out whether this browser gives us a WebGPU adapter and device, and if not, why — in words a
 * user can act on. Device acquisition for the trainer will grow from here (one place for it).
 */
export interface AdapterSummary {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** A fallback adapter is a software one (e.g. SwiftShader): correct but slow. */
  readonly isFallbackAdapter: boolean;
  readonly maxStorageBufferBindingSize: number;
  readonly maxComputeInvocationsPerWorkgroup: number;
}

export type WebGpuProbe =
  | { readonly status: 'available'; readonly adapter: AdapterSummary }
  | { readonly status: 'unavailable'; readonly reason: string };

export async function probeWebGpu(gpu: GPU | undefined = globalThis.navigator?.gpu): Promise<WebGpuProbe> {
  if (!gpu) return { status: 'unavailable', reason: missingApiReason() };
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    return { status: 'unavailable', reason: `the browser refused a WebGPU adapter: ${describe(error)}` };
  }
  if (!adapter) {
    return {
      status: 'unavailable',
      reason:
        'WebGPU is present but found no usable GPU adapter (the GPU may be blocklisted or disabled; ' +
        'check chrome://gpu). The lab will fall back to WebAssembly on the CPU.',
    };
  }
  try {
    // A device proves the adapter is usable, not only listed; it is released straight away.
    const device = await adapter.requestDevice();
    device.destroy();
  } catch (error) {
    return { status: 'unavailable', reason: `the GPU adapter could not create a device: ${describe(error)}` };
  }
  return { status: 'available', adapter: summarize(adapter) };
}

function summarize(adapter: GPUAdapter): AdapterSummary {
  const info = adapter.info;
  return {
    vendor: info.vendor || 'unknown vendor',
    architecture: info.architecture || 'unknown architecture',
    device: info.device,
    description: info.description,
    isFallbackAdapter: Boolean((info as { isFallbackAdapter?: boolean }).isFallbackAdapter),
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    maxComputeInvocationsPerWorkgroup: adapter.limits.maxComputeInvocationsPerWorkgroup,
  };
}

function missingApiReason(): string {
  if (typeof globalThis.isSecureContext === 'boolean' && !globalThis.isSecureContext) {
    return 'WebGPU needs a secure context: open the lab over https:// or from http://localhost.';
  }
  return (
    'this browser has no WebGPU (navigator.gpu is missing). Use a recent Chrome or Edge; on Linux, ' +
    'start it with --enable-unsafe-webgpu. The lab will fall back to WebAssembly on the CPU.'
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
